"""Wagtail's database search, given words only, and on PostgreSQL stemmed by language.

SQLite's full-text search reads quotes and other signs in a query as its own syntax, and
answered a visitor's `a"b` with a server error; PostgreSQL refuses a NUL. Searches are for
words, so every query, the village's search box and the admin's alike, keeps its words only.

On PostgreSQL each object is indexed with the text search configuration of its language
(`indonesian` for Indonesian pages and for what has no language, `english` for English
pages), so "pertanian" and "petani" both find "tani". A query is read in every configured
language at once: staff search both languages in the admin, and a query's words are rarely
stemmed alike by both.

Each write to the index is announced (`index_changed`), so what was kept of searches' answers
can be retired with it.

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "sites.search_backend",
        "SEARCH_CONFIG": "indonesian",
        "LANGUAGE_CONFIGS": {"en": "english"},
    }}
"""

import copy
import functools
import re

from django.dispatch import Signal
from modelsearch.backends import database
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.query import PlainText

from .search_languages import LanguageSearchBackend

NOT_WORDS = re.compile(r"[^\w]+")

# Sent, with the model as sender, once objects were written to or deleted from the index:
# what was kept of a search's answers may have changed with them.
index_changed = Signal()


def words(text):
    return NOT_WORDS.sub(" ", text).strip()


def words_only(query):
    """`query` (a string or a search query object) with only the words of its text."""
    if isinstance(query, str):
        return words(query)
    query = copy.copy(query)
    if hasattr(query, "query_string"):
        query.query_string = words(query.query_string)
    if hasattr(query, "subquery"):
        query.subquery = words_only(query.subquery)
    if hasattr(query, "subqueries"):
        query.subqueries = [words_only(part) for part in query.subqueries]
    return query


class WordsOnly:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = words_only(query)
        if isinstance(query, PlainText) and not query.query_string:
            query = ""  # nothing left to look for: no results, as for an empty box
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


class AnnouncesChanges:
    def add(self, obj):
        super().add(obj)
        index_changed.send(sender=type(obj))

    def add_bulk(self, model, obj_list):
        super().add_bulk(model, obj_list)
        index_changed.send(sender=model)

    def delete(self, obj):
        super().delete(obj)
        index_changed.send(sender=type(obj))


@functools.cache
def _balai_backend(backend_class):
    return type(f"Balai{backend_class.__name__}", (WordsOnly, AnnouncesChanges, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend's module)
    """The database's own search backend (SQLite FTS5, PostgreSQL), given words only, and
    announcing each change to its index (`index_changed`)."""
    backend_class = type(database.SearchBackend(params))
    if issubclass(backend_class, PostgresSearchBackend):
        backend_class = LanguageSearchBackend
    return _balai_backend(backend_class)(params)
