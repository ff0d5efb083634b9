"""Pages awaiting review on the dashboard and in the workflow report, as a province's operator
and a village's moderator see them; and the explorer's translation buttons."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sites.reviews import SHOWN_ON_DASHBOARD
from sites.staff import add_staff
from tests.admin import login
from tests.sites.test_dashboard import add_news, submit_for_moderation

pytestmark = pytest.mark.django_db


def awaiting_review(dashboard):
    """Titles in the dashboard's "awaiting your review" panel."""
    panel = re.search(r'id="awaiting-review-content".*?</table>', dashboard, re.S)
    return re.findall(
        r'<a href="/admin/pages/\d+/edit/" title="[^"]*">\s*([^<]+?)\s*</a>', panel[0]
    )


@pytest.fixture
def operator():
    return login(get_user_model().objects.create_superuser("operator", "op@balai.id", "x"))


def test_the_dashboard_shows_the_latest_pages_awaiting_review_and_links_to_the_rest(
    hajimena, sidosari, operator
):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    for number in range(SHOWN_ON_DASHBOARD + 2):
        submit_for_moderation(add_news(hajimena, f"Kabar {number}"), editor)
    dashboard = operator.get("/admin/").content.decode()
    shown = awaiting_review(dashboard)
    assert shown == [f"Kabar {n}" for n in range(SHOWN_ON_DASHBOARD + 1, 1, -1)]
    assert (
        '<a href="/admin/reports/workflow_tasks/?status=in_progress">'
        "Semua halaman yang menunggu tinjauan</a>"
    ) in dashboard


def test_a_moderator_reviews_only_their_own_village_with_the_task_status_shown(hajimena, sidosari):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    submit_for_moderation(add_news(hajimena, "Panen raya"), editor)
    other = add_staff(sidosari, "editor-sidosari", "editor")[0]
    submit_for_moderation(add_news(sidosari, "Pasar malam"), other)
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    dashboard = moderator.get("/admin/").content.decode()
    assert awaiting_review(dashboard) == ["Panen raya"]
    assert "Persetujuan moderator desa: Sedang berjalan" in dashboard  # the task, its status
    assert "/admin/reports/workflow_tasks/?status=in_progress" not in dashboard  # no more


def test_the_workflow_report_shows_each_pages_task_and_its_status(hajimena, sidosari, operator):
    editor = add_staff(hajimena, "editor-hajimena", "editor")[0]
    submit_for_moderation(add_news(hajimena, "Panen raya"), editor)
    other = add_staff(sidosari, "editor-sidosari", "editor")[0]
    page = add_news(sidosari, "Pasar malam")
    submit_for_moderation(page, other)
    page.current_workflow_task_state.approve(user=None)
    report = operator.get("/admin/reports/workflow/").content.decode()
    statuses = re.findall(
        r'data-w-tooltip-content-value="Persetujuan moderator desa: ([^"]+)"', report
    )
    assert sorted(statuses) == ["Disetujui", "Sedang berjalan"]


def translate_buttons(listing):
    return listing.count("Terjemahkan halaman ini") + listing.count("Sinkronkan halaman terjemahan")


def test_a_villages_own_pages_keep_their_translation_buttons(hajimena, operator):
    # The explorer's rows of regions and village homes go without them (which only the
    # query counts in test_admin_at_scale show); a village's sections keep them.
    listing = operator.get(f"/admin/pages/{hajimena.home_page.pk}/").content.decode()
    assert translate_buttons(listing) > 0


def test_the_workflow_list_names_where_moderation_is_set_without_counting_every_page(
    hajimena, sidosari, operator
):
    with CaptureQueriesContext(connection) as queries:
        workflows = operator.get("/admin/workflows/list/")
    assert workflows.status_code == 200
    assert "1 halaman beserta halaman di bawahnya" in workflows.content.decode()
    counted = [q["sql"] for q in queries.captured_queries if "COUNT" in q["sql"].upper()]
    assert not [sql for sql in counted if 'FROM "wagtailcore_page"' in sql]
