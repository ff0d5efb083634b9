import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import set_script_prefix
from django.utils import translation
from wagtail.models import Page

from sites import routing
from sites.generator import change_address
from sites.routing import site_for_hostname
from tests.village_pages.test_complaints_and_machines import add_news

pytestmark = pytest.mark.django_db


def get(host, path="/"):
    return Client(HTTP_HOST=host).get(path)


def test_each_village_host_serves_its_own_village(hajimena, sidosari):
    for village, other in ((hajimena, sidosari), (sidosari, hajimena)):
        response = get(f"{village.slug}.localhost")
        assert response.status_code == 200
        html = response.content.decode()
        assert f"<h1>Desa {village.name}</h1>" in html
        assert other.name not in html


def test_the_port_does_not_change_the_village(hajimena):
    response = get("hajimena.localhost:8000")
    assert response.status_code == 200
    assert "Desa Hajimena" in response.content.decode()


@pytest.mark.parametrize(
    "section", ["berita", "pengumuman", "layanan", "agenda", "produk", "profil"]
)
def test_every_section_answers_with_a_friendly_empty_state(hajimena, section):
    response = get("hajimena.localhost", f"/{section}/")
    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()


def test_a_village_host_never_serves_another_villages_pages(hajimena, sidosari):
    # Sidosari's home page sits beside Hajimena's in the tree, but not inside its site.
    assert get("hajimena.localhost", "/sidosari-natar/").status_code == 404
    assert get("hajimena.localhost", "/lampung-selatan/").status_code == 404


def test_an_unknown_village_host_is_not_found(hajimena):
    response = get("tidak-ada.localhost")
    assert response.status_code == 404
    assert "Hajimena" not in response.content.decode()


def test_a_host_balai_does_not_serve_is_refused(hajimena):
    assert get("hajimena.example.com").status_code == 400
    assert get("").status_code == 400


def test_the_portal_lists_regencies_and_links_to_each_village_host(hajimena, sidosari):
    portal = get("localhost")
    assert portal.status_code == 200
    assert "2 desa sudah daring" in portal.content.decode()
    assert 'href="/lampung-selatan/"' in portal.content.decode()
    district = get("localhost", "/lampung-selatan/kecamatan-natar/").content.decode()
    assert 'href="http://hajimena.localhost/"' in district
    assert 'href="http://sidosari-natar.localhost/"' in district
    regency = get("localhost", "/lampung-selatan/").content.decode()
    natar = '<a href="/lampung-selatan/kecamatan-natar/">Kecamatan Natar</a> <span>(2 desa)'
    assert natar in regency


def test_a_village_with_its_own_domain_answers_on_both_addresses(hajimena):
    change_address(hajimena, "hajimena", "hajimena.desa.id")
    for host in ("hajimena.desa.id", "hajimena.localhost"):
        response = get(host)
        assert response.status_code == 200, host
        assert "Desa Hajimena" in response.content.decode()
    district = get("localhost", "/lampung-selatan/kecamatan-natar/").content.decode()
    assert 'href="http://hajimena.desa.id/"' in district


def test_a_new_address_takes_effect_at_once(hajimena):
    assert get("hajimena.localhost").status_code == 200  # now cached
    change_address(hajimena, "hajimena-baru", "")
    assert get("hajimena-baru.localhost").status_code == 200
    assert get("hajimena.localhost").status_code == 404


def test_page_urls_point_at_the_village_host(hajimena):
    news = hajimena.home_page.get_children().get(slug="berita").specific
    assert news.get_url_parts() == (hajimena.site_id, "http://hajimena.localhost", "/berita/")
    assert news.full_url == "http://hajimena.localhost/berita/"
    change_address(hajimena, "hajimena", "hajimena.desa.id")
    news = hajimena.home_page.get_children().get(slug="berita").specific
    assert news.full_url == "http://hajimena.desa.id/berita/"


@pytest.mark.parametrize("script_prefix", ["/", "/balai/"])
def test_every_page_is_linked_where_wagtail_would_link_it(hajimena, script_prefix):
    add_news(hajimena, "Kabar désa", slug="kabar-désa")  # an address Wagtail must quote
    pages = [page.specific for page in Page.objects.descendant_of(hajimena.site.root_page)]
    english = Page.objects.filter(translation_key=hajimena.home_page.translation_key).exclude(
        pk=hajimena.home_page_id
    )
    pages += [page.specific for page in Page.objects.descendant_of(english.get())]
    set_script_prefix(script_prefix)
    try:
        for language in ("id", "en"):
            with translation.override(language):
                links = {page.pk: page.get_url_parts() for page in pages}
                assert links == {page.pk: Page.get_url_parts(page) for page in pages}
    finally:
        set_script_prefix("/")
    assert any(link[2] == f"{script_prefix}en/news/" for link in links.values())
    assert any(link[2] == f"{script_prefix}berita/kabar-d%C3%A9sa/" for link in links.values())


def test_the_portal_links_to_village_pages_on_their_own_hosts(hajimena):
    news = hajimena.home_page.get_children().get(slug="berita")
    request = RequestFactory(HTTP_HOST="localhost").get("/")
    request._wagtail_site, request.village, _settings = site_for_hostname("localhost")
    assert news.get_url(request) == "http://hajimena.localhost/berita/"


def test_the_portal_host_never_serves_a_villages_pages(hajimena):
    for path in (
        "/lampung-selatan/kecamatan-natar/hajimena/",
        "/lampung-selatan/kecamatan-natar/hajimena/berita/",
    ):
        assert get("localhost", path).status_code == 404, path


def test_a_new_slug_leaves_a_redirect_from_the_old_address(
    hajimena, django_capture_on_commit_callbacks
):
    from wagtail.contrib.redirects.models import Redirect

    from tests.village_pages.test_news import add_news

    article = add_news(hajimena, "Panen raya")
    with django_capture_on_commit_callbacks(execute=True):
        article.slug = "panen-raya-2025"
        article.save_revision().publish()
    redirect = Redirect.objects.get(old_path="/berita/panen-raya")
    assert redirect.redirect_page_id == article.pk and redirect.site_id == hajimena.site_id


def test_finding_a_section_seeks_within_the_home_whatever_the_number_of_villages(hajimena):
    # Every village has a "berita": Wagtail's lookup of a child by slug must not read them all,
    # but seek by slug or by depth within the home's own range of paths.
    lookup = hajimena.home_page.get_children().filter(slug="berita")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The page table's size as it is now, whatever other tests left in its statistics.
            cursor.execute("ANALYZE wagtailcore_page")
            cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is tiny
        plan = lookup.explain()
    if connection.vendor == "postgresql":
        condition = next(line for line in plan.splitlines() if "Index Cond" in line)
        assert re.search(r"balai_page_(slug|depth)_path", plan)
        assert ("(slug)" in condition or "(depth" in condition) and "(path)::text >=" in condition
    else:
        assert re.search(
            r"USING INDEX balai_page_(slug|depth)_path \((slug|depth)=\? AND path>\? AND path<\?\)",
            plan,
        )


def test_a_deleted_section_and_its_pages_are_not_found_at_once(hajimena):
    assert get("hajimena.localhost", "/berita/").status_code == 200
    article = add_news(hajimena, "Kabar desa")
    assert get("hajimena.localhost", f"/berita/{article.slug}/").status_code == 200
    hajimena.home_page.get_children().get(slug="berita").delete()
    assert get("hajimena.localhost", "/berita/").status_code == 404
    assert get("hajimena.localhost", f"/berita/{article.slug}/").status_code == 404


def test_an_unpublished_section_is_not_found_at_once(hajimena):
    assert get("hajimena.localhost", "/layanan/").status_code == 200
    hajimena.home_page.get_children().get(slug="layanan").specific.unpublish()
    assert get("hajimena.localhost", "/layanan/").status_code == 404


def test_pages_of_a_section_deleted_since_its_host_was_read_are_not_found(hajimena):
    article = add_news(hajimena, "Kabar desa")
    assert get("hajimena.localhost", f"/berita/{article.slug}/").status_code == 200
    entry = routing._host_key("hajimena.localhost")
    as_read_before = cache.get(entry)
    hajimena.home_page.get_children().get(slug="berita").delete()
    cache.set(entry, as_read_before)  # as another process read it, before the deletion
    assert get("hajimena.localhost", f"/berita/{article.slug}/").status_code == 404
