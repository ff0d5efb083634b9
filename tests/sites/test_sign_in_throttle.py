"""Wrong passwords are throttled by account and by client address: a locked-out person is told
when to try again, and the operator can unlock them at once. Password reset mail is throttled
too."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from sites.staff import add_staff

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PAUSED = "Masuk dihentikan sementara"
WHEN = "Coba lagi dalam 15 menit, setelah pukul"
TOO_MANY_RESETS = "Sudah beberapa kali diminta atur ulang kata sandi"


def sign_in(username, password, address="203.0.113.7"):
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR=address)
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.fixture
def staff(hajimena):
    user = add_staff(hajimena, "moderator-hajimena", "moderator")[0]
    user.set_password("benar-sekali-123")
    user.save()
    return user


def test_forty_wrong_passwords_then_the_right_one_does_not_sign_in(staff):
    for _ in range(40):
        sign_in(staff.username, "salah")
    response = sign_in(staff.username, "benar-sekali-123")
    assert response.status_code == 429
    assert "_auth_user_id" not in response.client.session
    assert WHEN in response.content.decode()


def test_an_account_is_locked_from_every_address(staff):
    for number in range(5):
        sign_in(staff.username, "salah", address=f"198.51.100.{number}")
    assert sign_in(staff.username, "benar-sekali-123", address="192.0.2.9").status_code == 429


def test_an_address_is_locked_for_every_account(staff, sidosari):
    for number in range(5):
        sign_in(f"tebakan-{number}", "salah")
    assert sign_in(staff.username, "benar-sekali-123").status_code == 429
    # Another person, elsewhere, still signs in.
    assert sign_in(staff.username, "benar-sekali-123", address="192.0.2.9").status_code == 302


def test_a_few_mistakes_do_not_lock_and_a_success_forgets_them(staff):
    for _ in range(4):
        assert sign_in(staff.username, "salah").status_code == 200
    assert sign_in(staff.username, "benar-sekali-123").status_code == 302
    for _ in range(4):
        assert sign_in(staff.username, "salah").status_code == 200
    assert sign_in(staff.username, "benar-sekali-123").status_code == 302


def test_the_operator_unlocks_an_account_with_a_command(staff):
    for number in range(5):
        sign_in(staff.username, "salah", address=f"198.51.100.{number}")
    call_command("axes_reset_username", staff.username)
    assert sign_in(staff.username, "benar-sekali-123", address="192.0.2.9").status_code == 302


def test_the_locked_out_page_says_when_to_try_again(staff):
    for _ in range(5):
        sign_in(staff.username, "salah")
    html = sign_in(staff.username, "salah").content.decode()
    assert PAUSED in html and WHEN in html


def test_password_reset_mail_is_throttled(staff):
    staff.email = "sekdes@hajimena.desa.id"
    staff.save()
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR="203.0.113.7")
    for _ in range(8):
        client.post("/admin/password_reset/", {"email": staff.email})
    assert len(mail.outbox) == 5
    response = client.post("/admin/password_reset/", {"email": staff.email})
    assert response.status_code == 200 and len(mail.outbox) == 5
    assert TOO_MANY_RESETS in response.content.decode()
