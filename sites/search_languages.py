"""PostgreSQL search that stems each object, and each query, by language (sites/search_backend)."""

import copy
import functools
import operator
import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db.models import F, Q
from django.db.models.expressions import CombinedExpression
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
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


def whole_words(query_string, config):
    """Every word of the query, as the stemmer of `config` reads it."""
    terms = [term for term in re.split(r"[\s\-]+", query_string) if term]
    return SearchQuery(
        functools.reduce(operator.and_, map(Lexeme, terms)), search_type="raw", config=config
    )


class StemmedAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    """What staff type in the admin: the beginnings of words in titles, as Wagtail's
    autocomplete finds them ("kopi rob"), or whole words of any language, stemmed, in titles
    and text ("pertanian" finds "petani"). Best beginnings first."""

    def search(self, config, start, stop, score_field=None, backend=None):
        configs = getattr(backend, "configs", ())
        if self.fields is not None or not configs or not isinstance(self.query, PlainText):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        if not self.query.query_string.split():
            return self.queryset.none()
        beginnings = self.build_tsquery(self.query, config=config)
        words = functools.reduce(
            operator.or_, [whole_words(self.query.query_string, each) for each in configs]
        )
        vectors = self.get_search_vectors(beginnings)
        queryset = self.queryset.annotate(
            _vector_=vectors[0][0],
            # As the GIN index of migration sites/0012 is built, so that it finds the words.
            _words_=CombinedExpression(
                F("index_entries__title"), "||", F("index_entries__body"), SearchVectorField()
            ),
        ).filter(Q(_vector_=beginnings) | Q(_words_=words))
        rank = self._build_rank_expression(vectors, config)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


class LanguageSearchBackend(PostgresSearchBackend):
    query_compiler_class = EveryLanguageQueryCompiler
    autocomplete_query_compiler_class = StemmedAutocompleteQueryCompiler
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
