"""PostgreSQL search that stems each object, and each query, by language (sites/search_backend)."""

import copy
import functools
import operator

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale


@functools.cache
def language_of(locale_id):
    """A locale's language: read once a process, as a reindex asks for every object."""
    return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_config = {}
        for obj in objs:
            by_config.setdefault(self.backend.config_for(obj), []).append(obj)
        for config, same_language in by_config.items():
            PostgresIndex(self.backend.in_config(config)).add_items(model, same_language)


class EveryLanguageQueryCompiler(PostgresSearchQueryCompiler):
    configs = ()

    def search(self, config, start, stop, score_field=None, backend=None):
        self.configs = getattr(backend, "configs", ())
        return super().search(config, start, stop, score_field=score_field, backend=backend)

    def build_tsquery(self, query, config=None):
        build = super().build_tsquery
        # Matches where the query, read in any of the languages, does.
        return functools.reduce(
            operator.or_, [build(query, each) for each in self.configs or [config]]
        )


class LanguageSearchBackend(PostgresSearchBackend):
    query_compiler_class = EveryLanguageQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = self.config or "indonesian"
        self.language_configs = params.get("LANGUAGE_CONFIGS", {})
        self.configs = list(dict.fromkeys([self.config, *self.language_configs.values()]))

    def config_for(self, obj):
        """The text search configuration of `obj`'s language; the default for no language."""
        language = language_of(obj.locale_id) if hasattr(obj, "locale_id") else None
        return self.language_configs.get(language, self.config)

    def in_config(self, config):
        """This backend, indexing in `config`."""
        backend = copy.copy(self)
        backend.config = config
        return backend
