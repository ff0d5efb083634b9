"""What a villager sees after sending a message, how they follow it, and how staff answer it."""

import re
from html import unescape

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from sites.staff import add_staff
from tests.admin import login
from tests.sites.test_english_tree import submit_translation, translator
from village_pages.models import Complaint

pytestmark = pytest.mark.django_db

MESSAGE = "Lampu jalan di dusun dua mati sejak minggu lalu, mohon diperbaiki."
REPLY = "Lampu sudah diganti oleh petugas pada hari Senin."
REFERENCE = re.compile(r"^[346789ACDEFGHJKMNPQRTUVWXY]{10}$")


def visitor(village, address="203.0.113.7"):
    return Client(HTTP_HOST=f"{village.slug}.localhost", REMOTE_ADDR=address)


def complaint(**changes):
    return {
        "name": "Bu Sri Wahyuni",
        "phone": "0812-3456-7890",
        "email": "sri.wahyuni@example.com",
        "message": MESSAGE,
        **changes,
    }


def text(response):
    """What a reader sees: the page's text without tags, its spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", unescape(body))


def sent_by(village, **fields):
    about = {
        "name": "Pak Harjo Santoso",
        "phone": "081234567890",
        "email": "harjo@example.com",
        "message": "Jalan berlubang di depan balai desa.",
    }
    return Complaint.objects.create(village=village, **{**about, **fields})


def translate_complaint_form(village):
    pengaduan = village.home_page.get_children().get(slug="pengaduan")
    assert submit_translation(translator(village), pengaduan).status_code == 302


# Finding 3: the English form


def test_the_english_complaint_form_sends_to_its_own_village(hajimena, sidosari):
    translate_complaint_form(sidosari)
    translate_complaint_form(hajimena)
    client = visitor(hajimena)
    response = client.post("/en/complaints/", complaint())
    assert response.status_code == 302
    assert response["Location"].endswith("/en/complaints/sent/")
    sent = Complaint.objects.get()
    assert sent.village == hajimena
    assert not sidosari.complaints.exists()
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Your message has been sent" in text(confirmation)
    assert sent.reference_for_reading in text(confirmation)


# Finding 8: the confirmation


def test_the_confirmation_gives_a_reference_and_repeats_what_was_sent(hajimena, sidosari):
    client = visitor(hajimena)
    response = client.post("/pengaduan/", complaint())
    assert response.status_code == 302
    assert response["Location"].endswith("/pengaduan/terkirim/")
    sent = Complaint.objects.get()
    assert REFERENCE.match(sent.reference), sent.reference
    assert sent.reference.lstrip("0") != str(sent.pk)  # not the database's number
    page = client.get(response["Location"])
    assert page.status_code == 200
    shown = text(page)
    assert "Pesan Anda sudah terkirim" in shown
    assert sent.reference_for_reading in shown
    assert MESSAGE in shown
    assert "biasanya menjawab" in shown
    assert f'href="/pengaduan/status/{sent.reference}/"' in page.content.decode()
    # The form is not shown again as if nothing had been sent.
    assert 'name="message"' not in page.content.decode()


def test_every_message_gets_its_own_reference(hajimena, sidosari):
    client = visitor(hajimena)
    for number in range(3):
        client.post("/pengaduan/", complaint(message=f"{MESSAGE} ({number})"))
    references = set(Complaint.objects.values_list("reference", flat=True))
    assert len(references) == 3


def test_the_confirmation_is_only_for_the_browser_that_sent_the_message(hajimena, sidosari):
    visitor(hajimena).post("/pengaduan/", complaint())
    sent = Complaint.objects.get()
    stranger = visitor(hajimena, "198.51.100.9")
    response = stranger.get("/pengaduan/terkirim/")
    assert response.status_code == 302
    assert response["Location"].endswith("/pengaduan/")
    for guess in (f"/pengaduan/terkirim/?id={sent.pk}", f"/pengaduan/?terkirim={sent.pk}"):
        page = stranger.get(guess, follow=True)
        assert MESSAGE not in text(page), guess
        assert sent.reference_for_reading not in text(page), guess


def test_a_robot_is_thanked_but_nothing_is_kept(hajimena, sidosari):
    client = visitor(hajimena)
    response = client.post("/pengaduan/", complaint(website="http://obat-murah.example"))
    assert response.status_code == 302
    assert response["Location"].endswith("/pengaduan/terkirim/")
    assert "Pesan Anda sudah terkirim" in text(client.get(response["Location"]))
    assert not Complaint.objects.exists()


def test_the_form_points_to_the_status_page(hajimena, sidosari):
    page = visitor(hajimena).get("/pengaduan/")
    assert 'href="/pengaduan/status/"' in page.content.decode()


# Finding 8: the status page


def test_the_status_page_shows_the_status_and_the_public_reply(hajimena, sidosari):
    sent = sent_by(hajimena)
    client = visitor(hajimena)
    assert "diterima" in text(client.get(f"/pengaduan/status/{sent.reference}/"))
    sent.status = Complaint.Status.IN_PROGRESS
    sent.save()
    assert "sedang ditangani" in text(client.get(f"/pengaduan/status/{sent.reference}/"))
    sent.status, sent.public_reply = Complaint.Status.ANSWERED, REPLY
    sent.save()
    response = client.get(f"/pengaduan/status/{sent.reference}/")
    assert response.status_code == 200
    shown = text(response)
    assert "dijawab" in shown and REPLY in shown
    assert sent.reference_for_reading in shown


def test_the_status_page_shows_nothing_of_the_sender(hajimena, sidosari):
    sent = sent_by(hajimena, status=Complaint.Status.ANSWERED, public_reply=REPLY)
    page = visitor(hajimena).get(f"/pengaduan/status/{sent.reference}/").content.decode()
    for private in ("Pak Harjo", "081234567890", "0812-3456-7890", "harjo@example.com"):
        assert private not in page, private
    assert "complaints/" not in page  # no photo


def test_a_reference_typed_in_the_form_leads_to_its_status(hajimena, sidosari):
    sent = sent_by(hajimena)
    client = visitor(hajimena)
    form = client.get("/pengaduan/status/")
    assert form.status_code == 200
    assert 'name="ref"' in form.content.decode()
    typed = f" {sent.reference[:5].lower()}-{sent.reference[5:].lower()} "
    response = client.get("/pengaduan/status/", {"ref": typed})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/pengaduan/status/{sent.reference}/")


def test_a_wrong_reference_is_not_found(hajimena, sidosari):
    sent_by(hajimena)
    response = visitor(hajimena).get("/pengaduan/status/ACDEF34679/")
    assert response.status_code == 404
    assert "tidak ditemukan" in text(response)
    assert 'name="ref"' in response.content.decode()  # the visitor can try again


def test_another_villages_reference_is_not_found_here(hajimena, sidosari):
    theirs = sent_by(sidosari, status=Complaint.Status.ANSWERED, public_reply=REPLY)
    response = visitor(hajimena).get(f"/pengaduan/status/{theirs.reference}/")
    assert response.status_code == 404
    assert REPLY not in text(response)
    typed = visitor(hajimena).get("/pengaduan/status/", {"ref": theirs.reference}, follow=True)
    assert REPLY not in text(typed)
    # On its own village's site it is found.
    assert REPLY in text(visitor(sidosari).get(f"/pengaduan/status/{theirs.reference}/"))


def test_the_english_status_page_speaks_english(hajimena, sidosari):
    translate_complaint_form(hajimena)
    sent = sent_by(hajimena, status=Complaint.Status.IN_PROGRESS)
    response = visitor(hajimena).get(f"/en/complaints/status/{sent.reference}/")
    assert response.status_code == 200
    assert "being handled" in text(response)
    assert "sedang ditangani" not in text(response)


# Finding 8 and 4: staff answer in the admin


def test_staff_set_the_status_and_the_reply_of_their_own_villages_complaint(hajimena, sidosari):
    own = sent_by(hajimena)
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    response = client.post(
        f"/admin/complaints/edit/{own.pk}/", {"status": "answered", "public_reply": REPLY}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.status, own.public_reply) == (Complaint.Status.ANSWERED, REPLY)
    assert REPLY in text(visitor(hajimena).get(f"/pengaduan/status/{own.reference}/"))
    inspect = text(client.get(f"/admin/complaints/inspect/{own.pk}/"))
    assert own.reference in inspect and "dijawab" in inspect
    assert "False" not in inspect and "True" not in inspect


def test_staff_cannot_answer_another_villages_complaint(hajimena, sidosari):
    other = sent_by(sidosari)
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    assert client.get(f"/admin/complaints/edit/{other.pk}/").status_code == 404
    response = client.post(
        f"/admin/complaints/edit/{other.pk}/", {"status": "answered", "public_reply": REPLY}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert (other.status, other.public_reply) == (Complaint.Status.RECEIVED, "")
    listing = client.get("/admin/complaints/", {"status": "received"})
    assert "Pak Harjo" not in text(listing)


def test_the_complaints_list_shows_the_status_in_words_and_filters_by_it(hajimena, sidosari):
    sent_by(hajimena, message="Jalan berlubang di dusun satu.")
    sent_by(hajimena, message="Air PAM keruh sejak kemarin.", status=Complaint.Status.ANSWERED)
    sent_by(sidosari, message="Sampah menumpuk di pasar.", status=Complaint.Status.ANSWERED)
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    listing = client.get("/admin/complaints/")
    assert listing.status_code == 200
    shown = text(listing)
    assert "False" not in shown and "True" not in shown
    assert "diterima" in shown and "dijawab" in shown
    assert "sedang ditangani" in shown  # offered by the filter
    answered = text(client.get("/admin/complaints/", {"status": "answered"}))
    assert "Air PAM keruh" in answered
    assert "Jalan berlubang" not in answered
    assert "Sampah menumpuk" not in answered


def test_staff_find_a_complaint_by_its_reference(hajimena, sidosari):
    own = sent_by(hajimena)
    client = login(add_staff(hajimena, "editor-hajimena", "editor")[0])
    for typed in (own.reference, own.reference_for_reading.lower()):
        found = text(client.get("/admin/complaints/", {"q": typed}))
        assert "Jalan berlubang" in found, typed


# The migration from "handled" to a status


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_handled_complaints_become_answered_and_the_others_received(hajimena):
    before = [("village_pages", "0002_clean_paragraphs")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("village_pages", "Complaint")
    common = {"village_id": hajimena.pk, "name": "Sri", "phone": "0812", "message": "Lampu mati"}
    handled = old.objects.create(handled=True, **common).pk
    waiting = old.objects.create(handled=False, **common).pk
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Complaint.objects.get(pk=handled).status == Complaint.Status.ANSWERED
    assert Complaint.objects.get(pk=waiting).status == Complaint.Status.RECEIVED
    references = list(Complaint.objects.values_list("reference", flat=True))
    assert all(REFERENCE.match(reference) for reference in references), references
    assert len(set(references)) == 2
