"""Wagtail's site history shows village staff what happened to their own village's objects,
and nothing of another village's: its complaints, sellers or staff."""

import pytest
from wagtail.log_actions import log

from marketplace.models import Seller
from sites.staff import add_staff
from tests.admin import login
from village_pages.models import Complaint

pytestmark = pytest.mark.django_db


def complaint(village, name):
    return Complaint.objects.create(village=village, name=name, message=f"Jalan rusak, {name}")


@pytest.fixture
def history(hajimena, sidosari):
    """Each village's moderator has changed a complaint and a seller of their own village."""
    for village, who in ((hajimena, "hajimena"), (sidosari, "sidosari")):
        moderator = add_staff(village, f"moderator-{who}", "moderator")[0]
        seller = Seller.objects.create(village=village, name=f"BUMDes {who.title()}")
        log(complaint(village, f"Warga {who.title()}"), "wagtail.edit", user=moderator)
        log(seller, "wagtail.create", user=moderator)


@pytest.mark.parametrize("role", ["editor", "moderator"])
@pytest.mark.parametrize("query", ["", "?object_type=village_pages.complaint"])
def test_staff_see_their_own_villages_history_only(history, hajimena, role, query):
    staff = login(add_staff(hajimena, f"{role}-baru", role)[0])
    for path in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        html = staff.get(path + query).content.decode()
        assert "Warga Hajimena" in html
        assert "Sidosari" not in html and "moderator-sidosari" not in html


def test_the_history_filters_name_no_other_villages_staff(history, hajimena):
    staff = login(add_staff(hajimena, "editor-baru", "editor")[0])
    html = staff.get("/admin/reports/site-history/").content.decode()
    assert "moderator-hajimena" in html  # offered as a filter on who acted
    assert "moderator-sidosari" not in html


def test_the_exported_history_holds_the_own_village_only(history, hajimena):
    staff = login(add_staff(hajimena, "moderator-baru", "moderator")[0])
    csv = staff.get("/admin/reports/site-history/?export=csv")
    text = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "BUMDes Hajimena" in text and "Sidosari" not in text


def test_a_superuser_sees_every_villages_history(history, django_user_model):
    admin = login(django_user_model.objects.create_superuser("admin", "a@b.id", "x"))
    html = admin.get("/admin/reports/site-history/").content.decode()
    assert "Warga Hajimena" in html and "Warga Sidosari" in html
