"""A village's pages cost a few queries each, however much they show, and none is private."""

import os
import re
import subprocess
import sys

import pytest

from sites.routing import KEPT_WITH_HOST
from sites.staff import add_staff
from tests.admin import login
from tests.marketplace.products import photo
from tests.queries import queries_for
from tests.village_pages.test_complaints_and_machines import add_news

pytestmark = pytest.mark.django_db
HOST = "hajimena.localhost"


@pytest.fixture
def pictured_news(hajimena, sidosari):
    picture = photo(hajimena, "Balai desa")
    for number in range(3):
        article = add_news(hajimena, f"Kabar desa {number}", listing_image=picture)
        article.tags.add("posyandu")
        article.save_revision().publish()
    add_news(sidosari, "Kabar desa 0")  # the same address in another village
    return article


# What every page of the village shows (settings, menu, banner, breadcrumbs, its sections)
# comes with its host, from the cache: what is left is the page's own content.
@pytest.mark.parametrize(
    ("path", "budget"), [("/", 4), ("/berita/", 3), ("/berita/kabar-desa-2/", 4), ("/en/", 6)]
)
def test_a_village_page_costs_a_few_queries(pictured_news, path, budget):
    assert queries_for(HOST, path) <= budget


def test_an_article_is_found_in_its_own_village_only(pictured_news, sidosari, client):
    other = f"{sidosari.slug}.localhost"
    assert client.get("/berita/kabar-desa-0/", HTTP_HOST=other).status_code == 200
    assert client.get("/berita/kabar-desa-2/", HTTP_HOST=other).status_code == 404


def test_an_unpublished_article_is_not_found(pictured_news, client):
    pictured_news.unpublish()
    assert client.get("/berita/kabar-desa-2/", HTTP_HOST=HOST).status_code == 404


def test_the_admin_offers_no_privacy_setting(hajimena, pictured_news):
    moderator = login(add_staff(hajimena, "moderator-hajimena", "moderator")[0])
    privacy = moderator.get(f"/admin/pages/{pictured_news.pk}/privacy/")
    assert privacy.status_code == 200
    assert privacy.json().get("step") != "set_privacy"  # Wagtail's "no privacy" dialog


def test_a_picture_follows_its_image_at_once(pictured_news, client):
    def pictures():
        html = client.get("/berita/", HTTP_HOST=HOST).content.decode()
        return re.findall(r'<img [^>]*src="([^"]+)"', html)

    before = pictures()
    assert before and before == pictures()  # the second, written once, is the same
    image = pictured_news.listing_image
    image.focal_point_x, image.focal_point_y = 50, 10
    image.focal_point_width = image.focal_point_height = 10
    image.save()
    assert pictures() != before  # cropped around the new focal point


def test_what_every_page_shows_is_kept_with_the_host_from_a_process_first_request():
    # The first request of a new process reads its host before any template is loaded; what
    # the host keeps then stays for minutes, so everything it keeps registers at start-up.
    names_at_start = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from sites.routing import KEPT_WITH_HOST; print(' '.join(sorted(KEPT_WITH_HOST)))",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "balai.settings.test"},
    ).stdout.split()
    assert "trail" in names_at_start  # the breadcrumbs' pages above the village
    assert names_at_start == sorted(KEPT_WITH_HOST)
