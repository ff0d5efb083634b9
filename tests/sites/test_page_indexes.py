"""`manage.py check` says when an upgrade has undone the page table's slug indexes, and
`manage.py repair_page_indexes` puts them right (sites/page_indexes.py)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from sites.page_indexes import PAGE_TABLE, SLUG_PATH, use_wagtail_slug_indexes

pytestmark = pytest.mark.django_db


def page_indexes():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, PAGE_TABLE)
    return {name: index["columns"] for name, index in found.items() if index["index"]}


def check_errors():
    try:
        call_command("check")
    except SystemCheckError as error:
        return str(error)
    return ""


def test_a_migrated_install_passes_the_check():
    assert page_indexes()[SLUG_PATH] == ["slug", "path"]
    assert ["slug"] not in page_indexes().values()
    assert check_errors() == ""


def test_a_lost_slug_path_index_fails_the_check_until_repaired():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {SLUG_PATH}")
    assert "balai.E001" in check_errors()
    assert "repair_page_indexes" in check_errors()
    call_command("repair_page_indexes")
    assert page_indexes()[SLUG_PATH] == ["slug", "path"]
    assert check_errors() == ""


def test_wagtails_slug_index_come_back_fails_the_check_until_repaired():
    use_wagtail_slug_indexes(connection)
    assert ["slug"] in page_indexes().values()
    assert "balai.E002" in check_errors()
    call_command("repair_page_indexes")
    assert ["slug"] not in page_indexes().values()
    assert check_errors() == ""
