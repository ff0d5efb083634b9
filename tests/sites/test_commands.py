from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from sites.models import Village
from tests.conftest import HAJIMENA

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_village_says_where_the_site_is():
    out, _err = run("create_village", "1801042001")
    assert "Hajimena (18.01.04.2001) dibuat di http://hajimena.localhost/" in out
    assert Village.objects.get().code == HAJIMENA


def test_create_village_explains_a_refusal_in_one_line(hajimena):
    with pytest.raises(CommandError, match=r"^Hajimena \(18.01.04.2001\) sudah ada di") as e:
        run("create_village", HAJIMENA)
    assert "\n" not in str(e.value)
    with pytest.raises(CommandError, match="^99.01.01.2001 bukan kode desa/kelurahan"):
        run("create_village", "99.01.01.2001")


def test_create_village_takes_an_address():
    run("create_village", HAJIMENA, "--slug", "haji", "--domain", "hajimena.desa.id")
    village = Village.objects.get()
    assert (village.slug, village.domain, village.site.hostname) == (
        "haji",
        "hajimena.desa.id",
        "hajimena.desa.id",
    )


def test_import_a_district_then_again_creates_nothing_new():
    out, _err = run("import_villages", "--district", "18.01.04")
    assert "Dibuat 26, sudah ada 0, gagal 0 (26 desa dalam" in out
    assert Village.objects.filter(district_code="18.01.04").count() == 26
    pages = Page.objects.count()
    out, _err = run("import_villages", "--district", "18.01.04")
    assert "Dibuat 0, sudah ada 26, gagal 0" in out
    assert Page.objects.count() == pages


def test_an_import_refreshes_the_planners_statistics_of_what_it_filled():
    # Their effect outlives the test's transaction (PostgreSQL writes them in place), so the
    # test watches the statement rather than the estimates.
    with CaptureQueriesContext(connection) as queries:
        run("import_villages", "--district", "18.01.04")
    refreshes = [q["sql"] for q in queries if q["sql"].startswith(("ANALYZE", "PRAGMA optimize"))]
    assert len(refreshes) == 1
    if connection.vendor == "postgresql":
        for table in ("sites_village", "wagtailcore_page", "wagtailcore_grouppagepermission"):
            assert f'"{table}"' in refreshes[0]
    with CaptureQueriesContext(connection) as queries:
        run("import_villages", "--district", "18.01.04")  # nothing new, nothing to refresh
    assert not [q for q in queries if q["sql"].startswith(("ANALYZE", "PRAGMA"))]


def test_import_a_regency_with_a_limit():
    out, _err = run("import_villages", "--regency", "18.72", "--limit", "5")
    assert "Dibuat 5, sudah ada 0, gagal 0" in out
    assert Village.objects.in_region("18.72").count() == 5


def test_import_an_unknown_region_is_refused():
    with pytest.raises(CommandError, match="18.99 bukan kode wilayah"):
        run("import_villages", "--regency", "18.99")


def test_csv_import_creates_the_good_rows_and_names_each_bad_one(tmp_path, hajimena):
    csv = tmp_path / "villages.csv"
    csv.write_text(
        "code,slug,domain\n"
        "18.01.04.2003\n"  # good
        "18.01.04.2004,hajimena\n"  # slug taken by an existing village
        "18.01.04.9999\n"  # not in the register
        "18.01.04.2005,,natar.desa.id\n"  # good, with its own domain
        "18.01.04.2006,a,b,c\n"  # malformed
        "\n"
        "# a comment\n"
        "1801042007,balai-desa\n"  # good, undotted code
        "18.01.04.2001\n"  # already there
    )
    with pytest.raises(CommandError, match="Dibuat 3, sudah ada 1, gagal 3") as error:
        run("import_villages", "--csv", str(csv))
    assert "nothing" not in str(error.value)
    created = dict(Village.objects.values_list("code", "slug"))
    assert created == {
        "18.01.04.2001": "hajimena",
        "18.01.04.2003": "pemanggilan",
        "18.01.04.2005": "muara-putih",
        "18.01.04.2007": "balai-desa",
    }
    assert Site.objects.filter(hostname="natar.desa.id").exists()
    # No half-made village: every site belongs to a village, apart from the portal.
    assert Site.objects.count() == Village.objects.count() + 1


def test_csv_import_reports_each_bad_row_with_its_line_and_reason(tmp_path):
    csv = tmp_path / "villages.csv"
    csv.write_text("18.01.04.2001,Bad Slug\n18.01.04.9999\n18.01.04.2002,x,y,z\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_villages", "--csv", str(csv), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith(
        "Gagal baris 1 (18.01.04.2001): 'bad slug' tidak bisa menjadi alamat desa"
    )
    assert lines[1] == (
        "Gagal baris 2 (18.01.04.9999): 18.01.04.9999 bukan kode desa/kelurahan dalam "
        "daftar Kemendagri."
    )
    assert (
        lines[2]
        == "Gagal baris 3 (18.01.04.2002): seharusnya kode[,slug][,domain], tetapi ada 4 kolom"
    )
    assert not Village.objects.exists()


def test_csv_import_of_a_missing_file_is_explained():
    with pytest.raises(CommandError, match="Tidak dapat membaca /nowhere.csv"):
        run("import_villages", "--csv", "/nowhere.csv")


def test_add_village_staff_creates_then_changes_the_role(hajimena):
    out, _err = run("add_village_staff", "hajimena", "sri", "--role", "editor", "--email", "s@x.id")
    assert "sri sekarang editor Hajimena" in out and "Kata sandi sementara:" in out
    user = get_user_model().objects.get(username="sri")
    assert list(user.groups.all()) == [hajimena.editors]
    assert user.email == "s@x.id"
    out, _err = run("add_village_staff", "1801042001", "sri", "--role", "moderator")
    assert "Kata sandi sementara" not in out
    assert list(user.groups.all()) == [hajimena.moderators]


def test_add_village_staff_to_an_unknown_village_is_refused():
    with pytest.raises(CommandError, match="Tidak ada desa dengan slug atau kode 'atlantis'"):
        run("add_village_staff", "atlantis", "sri")
