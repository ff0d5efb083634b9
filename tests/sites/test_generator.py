import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, Page, Site

from sites import register
from sites.generator import ProvisioningError, VillageExists, provision_village
from sites.models import DistrictPage, PortalHomePage, RegencyPage, Village, VillageSettings
from tests.conftest import HAJIMENA
from village_pages.models import VillageHomePage

pytestmark = pytest.mark.django_db


def test_a_new_village_is_a_complete_site(hajimena):
    assert hajimena.name == "Hajimena"
    assert hajimena.kind == "desa"
    assert (hajimena.district_name, hajimena.regency_name) == ("Natar", "Kabupaten Lampung Selatan")
    assert hajimena.postal_code == "35362"
    assert hajimena.site.hostname == "hajimena.localhost"
    assert hajimena.site.root_page_id == hajimena.home_page_id
    home = hajimena.home_page.specific
    assert isinstance(home, VillageHomePage) and home.live
    sections = {page.slug: page.live for page in home.get_children()}
    assert sections == dict.fromkeys(
        ("berita", "pengumuman", "layanan", "agenda", "produk", "profil", "pengaduan"), True
    )
    settings = VillageSettings.objects.get(site=hajimena.site)
    assert (settings.display_name, settings.local_word) == ("Hajimena", "Desa")
    assert hajimena.collection.get_parent().name == "18.01.04 Kecamatan Natar"


def test_the_page_and_collection_trees_stay_consistent(hajimena, sidosari):
    # Treebeard's own check: paths, depths and child counts agree.
    assert all(not problems for problems in Page.find_problems())
    assert all(not problems for problems in Collection.find_problems())
    assert hajimena.home_page.get_children().count() == hajimena.home_page.numchild == 7


def test_collections_stay_sorted_whatever_order_villages_come_in(sidosari, hajimena):
    # Sidosari (18.01.04.2002) came first; Hajimena's collection is placed before it.
    natar = hajimena.collection.get_parent()
    assert [c.name for c in natar.get_children()] == [
        "18.01.04.2001 Hajimena",
        "18.01.04.2002 Sidosari",
    ]
    assert natar.numchild == 2
    assert all(not problems for problems in Collection.find_problems())


def test_the_page_tree_mirrors_the_register(hajimena, sidosari):
    portal = PortalHomePage.objects.get(locale__language_code="id")
    regency = RegencyPage.objects.child_of(portal).get()
    district = DistrictPage.objects.child_of(regency).get()
    assert (regency.title, regency.region_code) == ("Kabupaten Lampung Selatan", "18.01")
    assert (district.title, district.region_code) == ("Kecamatan Natar", "18.01.04")
    assert {page.title for page in district.get_children()} == {"Hajimena", "Sidosari"}
    assert Site.objects.get(is_default_site=True).root_page_id == portal.pk


def test_lampung_words_for_village_are_used():
    tiyuh = provision_village("18.12.01.2002")  # Panaragan, Tulang Bawang Barat
    kelurahan = provision_village("18.71.01.1003")  # Kedaton, Bandar Lampung
    assert VillageSettings.objects.get(site=tiyuh.site).local_word == "Tiyuh"
    assert VillageSettings.objects.get(site=kelurahan.site).local_word == "Kelurahan"
    assert kelurahan.kind == "kelurahan"


def test_a_village_is_created_once(hajimena):
    with pytest.raises(VillageExists, match=r"Hajimena \(18.01.04.2001\) sudah ada di"):
        provision_village(HAJIMENA)
    assert Village.objects.count() == 1
    assert Site.objects.count() == 2  # the portal and Hajimena


def test_a_code_outside_the_register_is_refused():
    with pytest.raises(ProvisioningError, match="18.01.04.9999 bukan kode desa/kelurahan"):
        provision_village("18.01.04.9999")
    with pytest.raises(ProvisioningError, match="bukan kode desa/kelurahan"):
        provision_village("18.01.04")  # a district, not a village
    assert not Village.objects.exists()


def test_a_failure_half_way_leaves_nothing_behind():
    pages_before = Page.objects.count()
    provision_village("18.01.04.2003")  # makes the portal, regency and district
    pages_before = Page.objects.count()
    collections_before = Collection.objects.count()
    # Something else already holds the group name the generator needs for Hajimena.
    Group.objects.create(name="Hajimena (hajimena) moderators")
    with pytest.raises(ProvisioningError, match="tidak dapat dibuat, tidak ada yang tersimpan"):
        provision_village(HAJIMENA)
    assert not Village.objects.filter(code=HAJIMENA).exists()
    assert not Site.objects.filter(hostname="hajimena.localhost").exists()
    assert Page.objects.count() == pages_before
    assert Collection.objects.count() == collections_before
    assert not Group.objects.filter(name="Hajimena (hajimena) editors").exists()


def test_the_first_village_of_a_shared_name_does_not_take_the_bare_name():
    # Two of Lampung's fourteen Sidodadi, created in the opposite of register order.
    provision_village("18.02.26.2008")  # Bandar Surabaya, Lampung Tengah
    provision_village("18.01.07.2012")  # Sidomulyo, Lampung Selatan
    slugs = dict(Village.objects.values_list("code", "slug"))
    assert slugs == {
        "18.02.26.2008": "sidodadi-bandar-surabaya",
        "18.01.07.2012": "sidodadi-sidomulyo",
    }


def test_a_shared_name_gets_its_district_then_its_regency():
    slugs = register.national_slugs()
    assert slugs["18.01.04.2001"] == "hajimena"
    sidodadi = [
        code for code in register.village_codes_in("18") if slugs[code].startswith("sidodadi")
    ]
    assert len(sidodadi) >= 14
    assert len({slugs[code] for code in sidodadi}) == len(sidodadi)
    assert all(slugs[code] != "sidodadi" for code in sidodadi)
    district = register.village(sidodadi[0]).district.name
    assert slugs[sidodadi[0]].startswith("sidodadi-")
    assert slugs[sidodadi[0]].endswith(district.lower().replace(" ", "-"))
    assert len(set(slugs.values())) == len(slugs) == 83762


def test_an_operator_can_choose_the_address(hajimena):
    village = provision_village("18.01.04.2003", slug="branti", domain="Branti.Desa.ID")
    assert (village.slug, village.domain) == ("branti", "branti.desa.id")
    assert village.site.hostname == "branti.desa.id"


@pytest.mark.parametrize(
    ("slug", "domain", "message"),
    [
        ("hajimena", None, "sudah dipakai oleh Hajimena"),
        ("Not A Slug!", None, "tidak bisa menjadi alamat desa"),
        ("www", None, "tidak bisa menjadi alamat desa"),
        (None, "not a domain", "bukan nama domain"),
        (None, "x.localhost", "adalah alamat milik Balai"),
    ],
)
def test_a_bad_or_taken_address_is_refused(hajimena, slug, domain, message):
    with pytest.raises(ProvisioningError, match=message):
        provision_village("18.01.04.2003", slug=slug, domain=domain)
    assert not Village.objects.filter(code="18.01.04.2003").exists()


def test_a_domain_is_used_once(hajimena):
    provision_village("18.01.04.2003", domain="natar.desa.id")
    with pytest.raises(ProvisioningError, match="natar.desa.id' sudah dipakai"):
        provision_village("18.01.04.2004", domain="natar.desa.id")


def test_a_village_takes_a_free_place_after_a_neighbour_was_removed(hajimena, sidosari):
    # With Hajimena gone, Natar has one village but its last place is still Sidosari's second.
    homes = list(hajimena.home_page.get_translations(inclusive=True))
    hajimena.delete()
    for home in homes:
        home.delete()
    pemanggilan = provision_village("18.01.04.2003")
    assert pemanggilan.home_page.get_parent().title == "Kecamatan Natar"
    assert pemanggilan.home_page.path > sidosari.home_page.path
    assert Client().get("/", HTTP_HOST="pemanggilan.localhost").status_code == 200
    assert not any(Page.find_problems())
