"""Production settings: HTTPS links in mail, mail from the environment, transport and content
security, and a deployment check with nothing to report."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings

from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import add_product
from tests.village_pages.test_staff_workflow import announcements, edit_form

BASE_DOMAIN = "desa.lampungprov.go.id"


def production(*code, **environment):
    """What `code` prints under production settings, in an environment of its own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BALAI_", "EMAIL_", "SECURE_", "WAGTAIL", "DJANGO_"))
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{settings.BASE_DIR / 'db.sqlite3'}")
    env.update(
        DJANGO_SETTINGS_MODULE="balai.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        BALAI_BASE_DOMAIN=BASE_DOMAIN,
        **environment,
    )
    script = "import django; django.setup(); from django.conf import settings; " + "; ".join(code)
    return subprocess.run(  # noqa: S603 (Balai's own settings, in a Python of its own)
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_deployment_check_finds_nothing_to_report():
    printed = production(
        "from django.core.management import call_command",
        "call_command('check', deploy=True, fail_level='WARNING')",
    )
    assert "no issues" in printed


def test_links_in_mail_are_https_on_the_portals_domain():
    assert production("print(settings.WAGTAILADMIN_BASE_URL)").strip() == f"https://{BASE_DOMAIN}"


def test_mail_settings_come_from_one_address():
    names = ["EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL"]
    printed = production(
        f"import json; print(json.dumps([getattr(settings, n) for n in {names!r}]))",
        EMAIL_URL="submission://balai:rahasia@smtp.lampungprov.go.id:587",
        DEFAULT_FROM_EMAIL="balai@lampungprov.go.id",
    )
    assert json.loads(printed) == [
        "smtp.lampungprov.go.id",
        587,
        "balai",
        True,
        "balai@lampungprov.go.id",
    ]


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL=f"https://{BASE_DOMAIN}")
def test_moderation_and_password_reset_mail_link_over_https(hajimena, sidosari):
    add_staff(sidosari, "moderator-sidosari", "moderator", email="kades@sidosari.example.id")
    moderator = add_staff(hajimena, "moderator-hajimena", "moderator", email="kades@example.id")[0]
    editor = add_staff(hajimena, "editor-hajimena", "editor", email="sekdes@example.id")[0]
    index = announcements(hajimena)
    login(editor).post(
        f"/admin/pages/add/village_pages/announcementpage/{index.pk}/",
        edit_form(**{"action-submit": "submit"}),
    )
    Client(HTTP_HOST="localhost").post("/admin/password_reset/", {"email": moderator.email})
    sent = {message.to[0]: message.body for message in mail.outbox}
    assert set(sent) == {"kades@example.id"} and len(mail.outbox) == 2
    for body in [message.body for message in mail.outbox]:
        assert f"https://{BASE_DOMAIN}/admin/" in body and "http://" not in body


@pytest.mark.django_db
def test_public_pages_run_no_inline_script(hajimena):
    product = add_product(hajimena, "Kopi Bubuk", 65000)
    response = Client(HTTP_HOST="hajimena.localhost").get(product.url)
    policy = {part.strip() for part in response["Content-Security-Policy"].split(";")}
    assert "script-src 'self'" in policy and not any("unsafe-inline" in part for part in policy)
    html = response.content.decode()
    assert "<script>" not in html and "copy-link" in html  # the copy button's own file


@pytest.mark.django_db
def test_the_admin_has_a_policy_of_its_own(hajimena):
    response = login(add_staff(hajimena, "editor-hajimena", "editor")[0]).get("/admin/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
