"""Turns an entry of the village register into a complete, working village site."""

import functools
import re
import uuid

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models.base import ModelState
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from marketplace.models import ProductIndexPage
from village_pages.models import (
    AnnouncementIndexPage,
    ComplaintPage,
    EventIndexPage,
    NewsIndexPage,
    ProfilePage,
    ServiceIndexPage,
    VillageHomePage,
)

from . import bulk, page_rows, register, translations
from .models import DistrictPage, PortalHomePage, RegencyPage, Village, VillageSettings
from .models.settings import local_word_for
from .permissions import (
    grant_page_permissions,
    grant_staff_permissions,
    grant_village_permissions,
)
from .routing import forget_hosts, is_village_subdomain
from .village_collections import collection_for

# The sections every village site has, in menu order:
# (page type, Indonesian title and slug, English title and slug).
SECTIONS = [
    (NewsIndexPage, ("Berita", "berita"), ("News", "news")),
    (AnnouncementIndexPage, ("Pengumuman", "pengumuman"), ("Announcements", "announcements")),
    (ServiceIndexPage, ("Layanan", "layanan"), ("Services", "services")),
    (EventIndexPage, ("Agenda", "agenda"), ("Events", "events")),
    (ProductIndexPage, ("Produk", "produk"), ("Products", "products")),
    (ProfilePage, ("Profil", "profil"), ("Profile", "profile")),
    (ComplaintPage, ("Pengaduan", "pengaduan"), ("Complaints", "complaints")),
]
# Sections for the village's own residents, who read Indonesian: their English page is made
# when staff first translate them or a page in them (see `add_english_section`), not for
# every village in advance. The visitors' sections are made in both languages.
RESIDENTS_SECTIONS = {AnnouncementIndexPage, ComplaintPage}
ENGLISH_TITLES = {
    page_class: title_and_slug for page_class, _indonesian, title_and_slug in SECTIONS
}

SLUG_PATTERN = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
DOMAIN_PATTERN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class ProvisioningError(Exception):
    """The village cannot be created; the message says why, for the operator."""


class VillageExists(ProvisioningError):
    pass


def new_page(page_class, **fields):
    page = page_class(**fields)
    # Not a site root when saved (the village's Site comes after its pages): this spares
    # Wagtail's Page.save a query per page to find out.
    page._is_site_root = False
    return page


def add_missing_sections(home):
    """Give a village home page any section it lacks; returns the pages added."""
    present = set(home.get_children().values_list("slug", flat=True))
    return [
        home.add_child(
            instance=new_page(
                page_class, title=title, slug=slug, locale_id=home.locale_id, show_in_menus=True
            )
        )
        for page_class, (title, slug), _english in SECTIONS
        if slug not in present
    ]


def _new_village_pages(title, slug, locale_id):
    """A village home page and its sections, in Indonesian, not yet placed or saved."""
    home = new_page(VillageHomePage, title=title, slug=slug, locale_id=locale_id)
    sections = [
        new_page(page_class, title=title, slug=slug, locale_id=locale_id, show_in_menus=True)
        for page_class, (title, slug), _english in SECTIONS
    ]
    return home, sections


def _english_village_pages(home, sections, locale_id):
    """The English translations of a village's new home page and visitors' sections."""
    return (
        _translation(home, locale_id, home.title, home.slug),
        [
            _translation(page, locale_id, *ENGLISH_TITLES[type(page)])
            for page in sections
            if type(page) not in RESIDENTS_SECTIONS
        ],
    )


def add_english_section(section, locale):
    """The English page of one of a village's sections, made below its English home page; None
    for another language, when the village has no English home, or when staff gave its English
    slug to a page of their own."""
    if locale.language_code != translations.ENGLISH:
        return None
    english_home = section.get_parent().get_translation_or_none(locale)
    title, slug = ENGLISH_TITLES[type(section)]
    if english_home is None or english_home.get_children().filter(slug=slug).exists():
        return None  # Wagtail's own copy then takes a free slug
    english = english_home.add_child(
        instance=type(section)(
            title=title,
            slug=slug,
            locale=locale,
            translation_key=section.translation_key,
            show_in_menus=section.show_in_menus,
        )
    )
    translations.keep_texts(section, english)
    return english


def _translation(page, locale_id, title, slug):
    """The translation of `page`, a new page not yet saved."""
    # A copy of the unsaved source keeps its page type and translation key, and costs far
    # less than a new page (Wagtail's Page() looks up its content type and child relations)
    # or copy.copy (which goes through pickling).
    translation = object.__new__(type(page))
    translation.__dict__ = {
        **page.__dict__,
        "_state": ModelState(),
        "locale_id": locale_id,
        "title": title,
        "slug": slug,
    }
    return translation


def add_english_village(village):
    """Give a village made before Balai spoke English its English home page and sections."""
    locale = translations.english_locale()
    home = village.home_page.specific
    if home.get_translation_or_none(locale):
        return None
    with bulk.provisioning(), transaction.atomic(), disable_reference_index_auto_update():
        sections = [page.specific for page in home.get_children().order_by("path")]
        known = [page for page in sections if type(page) in ENGLISH_TITLES]
        # The English pages start from the generator's titles, not the Indonesian content.
        blank = [
            new_page(
                type(page),
                title=page.title,
                slug=page.slug,
                locale_id=page.locale_id,
                translation_key=page.translation_key,
                show_in_menus=page.show_in_menus,
            )
            for page in [home, *known]
        ]
        english_home, english_sections = _english_village_pages(blank[0], blank[1:], locale.pk)
        district = english_region_page(home.get_parent(), locale)
        english = page_rows.place_subtrees([(district, english_home, english_sections)])
        page_rows.insert_pages(english)
        groups = (village.editors, village.moderators)
        grant_staff_permissions(groups)  # a village this old may predate some of them
        grant_page_permissions(groups, [english_home])
        forget_hosts()
    return english[0]


def english_region_page(page, locale):
    """The English translation of a portal, regency or district page, made if missing."""
    english = page.get_translation_or_none(locale)
    if english:
        return english
    page = page.specific
    if isinstance(page, PortalHomePage):
        # The two portals are siblings at the top of the tree, so their slugs must differ.
        parent, slug, fields = page.get_parent(), f"{page.slug}-{locale.language_code}", {}
    else:
        parent = english_region_page(page.get_parent(), locale)
        slug, fields = page.slug, {"region_code": page.region_code}
    return parent.add_child(
        instance=new_page(
            type(page),
            title=translations.english_region_title(page.title),
            slug=slug,
            locale=locale,
            translation_key=page.translation_key,
            **fields,
        )
    )


def check_new_village(code, slug=None, domain=None):
    """The register entry and cleaned address of a village that can be created.

    Raises ProvisioningError with the reason when it cannot.
    """
    try:
        entry = register.village(code)
    except register.UnknownCode:
        raise ProvisioningError(
            _("%(code)s is not a village code in the Kemendagri register.") % {"code": code}
        ) from None
    existing = Village.objects.filter(code=entry.code).first()
    if existing:
        raise VillageExists(
            _("%(name)s (%(code)s) already exists at %(url)s")
            % {"name": entry.name, "code": entry.code, "url": existing.url}
        )
    slug, domain = check_address(slug or entry.slug, domain)
    return entry, slug, domain


def check_address(slug, domain, village=None):
    """The cleaned (slug, domain) if a village (other than `village`) may take them."""
    slug = slug.strip().lower()
    domain = (domain or "").strip().lower().rstrip(".")
    _check_slug(slug)
    if domain:
        _check_domain(domain)
    _check_available(slug, domain, exclude=village)
    return slug, domain


def provision_village(code, *, slug=None, domain=None):
    """Create the whole village (site, pages, collection, groups, permissions) or nothing."""
    try:
        return _provision(code, slug, domain)
    except IntegrityError as error:
        # Another process created something this village needs in the meantime.
        raise ProvisioningError(
            _("%(code)s could not be created, nothing was kept: %(error)s")
            % {"code": code, "error": error}
        ) from error


def _provision(code, slug, domain):
    # A new village's pages refer to nothing yet, so there is no reference index to build.
    with bulk.provisioning(), transaction.atomic(), disable_reference_index_auto_update():
        entry, slug, domain = check_new_village(code, slug, domain)
        languages = _languages()

        # The regency, and the portal above it, are read only when the district is new or has
        # no collection yet; the portal is made then if the install has none.
        @functools.cache
        def regencies():
            return _region_pages(
                languages, RegencyPage, entry.regency.code, entry.regency.name, ensure_portals
            )

        district_title = ("Distrik " if entry.province.code >= "91" else "Kecamatan ") + (
            entry.district.name
        )
        districts = _region_pages(
            languages, DistrictPage, entry.district.code, district_title, regencies
        )
        district = districts[0]
        home, sections = _new_village_pages(entry.name, slug, district.locale_id)
        subtrees = [(district, home, sections)]
        for english_district in districts[1:]:  # when Balai speaks English
            english = _english_village_pages(home, sections, english_district.locale_id)
            subtrees.append((english_district, *english))
        page_rows.insert_pages(page_rows.place_subtrees(subtrees))
        homes = [subtree[1] for subtree in subtrees]
        site = Site.objects.create(
            hostname=domain or f"{slug}.{settings.BALAI_BASE_DOMAIN}",
            port=settings.BALAI_SITE_PORT,
            root_page=home,
            site_name=entry.name,
        )
        collection = collection_for(entry.name, entry.code, district, lambda: regencies()[0])
        editors = Group.objects.create(name=f"{entry.name} ({slug}) editors")
        moderators = Group.objects.create(name=f"{entry.name} ({slug}) moderators")
        grant_village_permissions((editors, moderators), homes, collection, site)
        VillageSettings.objects.create(
            site=site,
            display_name=entry.name,
            local_word=local_word_for(entry.kind, entry.regency.code),
        )
        return Village.objects.create(
            code=entry.code,
            name=entry.name,
            slug=slug,
            kind=entry.kind,
            district_code=entry.district.code,
            district_name=entry.district.name,
            regency_code=entry.regency.code,
            regency_name=entry.regency.name,
            postal_code=entry.postal_code,
            domain=domain,
            site=site,
            home_page=home,
            collection=collection,
            editors=editors,
            moderators=moderators,
        )


def _check_slug(slug):
    if not SLUG_PATTERN.match(slug) or slug in register.RESERVED_SLUGS:
        raise ProvisioningError(
            _(
                "%(slug)r cannot be a village address: use up to 63 lowercase letters, digits "
                "and hyphens, not starting or ending with a hyphen, and not a reserved word."
            )
            % {"slug": slug}
        )


def _check_domain(domain):
    base = settings.BALAI_BASE_DOMAIN
    if not DOMAIN_PATTERN.match(domain):
        raise ProvisioningError(
            _("%(domain)r is not a domain name such as hajimena.desa.id.") % {"domain": domain}
        )
    if domain == base or is_village_subdomain(domain):
        raise ProvisioningError(
            _("%(domain)r is Balai's own address; give the village a domain of its own.")
            % {"domain": domain}
        )


def change_address(village, slug, domain):
    """Give a village another subdomain or its own domain; its site moves with it."""
    with transaction.atomic():
        slug, domain = check_address(slug, domain, village)
        village.slug, village.domain = slug, domain
        village.save(update_fields=["slug", "domain"])
        Site.objects.filter(pk=village.site_id).update(hostname=village.hostname)
        Site.clear_site_root_paths_cache()
    return village


def _check_available(slug, domain, exclude=None):
    others = Village.objects.exclude(pk=exclude.pk) if exclude else Village.objects
    taken = others.filter(slug=slug).first()
    if taken:
        raise ProvisioningError(
            _("The address %(slug)r is already used by %(village)s.")
            % {"slug": slug, "village": taken}
        )
    sites = Site.objects.exclude(pk=exclude.site_id) if exclude else Site.objects
    if domain and (others.filter(domain=domain).exists() or sites.filter(hostname=domain).exists()):
        raise ProvisioningError(
            _("The domain %(domain)r is already used by another site.") % {"domain": domain}
        )


def ensure_portal():
    """The portal home page, with its site at the base domain; created on first use."""
    return ensure_portals()[0]


def _languages():
    """The languages of every village's pages, Indonesian first."""
    english = [translations.ENGLISH] if translations.english_enabled() else []
    return [settings.LANGUAGE_CODE, *english]


def ensure_portals():
    """The portal home page in each of `_languages()`, Indonesian first; made on first use,
    the Indonesian one with its site at the base domain."""
    # Unordered, so the database reads the few portal rows rather than every page in path order.
    portals = {
        page.locale.language_code: page
        for page in PortalHomePage.objects.order_by().select_related("locale")
    }
    portal = portals.get(settings.LANGUAGE_CODE) or _create_portal()
    _ensure_portal_site(portal)
    return [portal] + [
        portals.get(language)
        or english_region_page(portal, Locale.objects.get(language_code=language))
        for language in _languages()[1:]
    ]


def _ensure_portal_site(portal):
    wanted = {
        "hostname": settings.BALAI_BASE_DOMAIN,
        "port": settings.BALAI_SITE_PORT,
        "root_page_id": portal.pk,
    }
    if Site.objects.filter(
        hostname=wanted["hostname"], port=wanted["port"], root_page=portal, is_default_site=True
    ).exists():
        return  # the usual case, answered from the hostname index
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME, **wanted)
    elif any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()


def _create_portal():
    # Wagtail's first migration leaves a placeholder home page on a localhost site.
    placeholder = Page.objects.filter(depth=2, content_type__model="page").first()
    if placeholder:
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    return Page.get_first_root_node().add_child(
        instance=PortalHomePage(title=settings.WAGTAIL_SITE_NAME, slug="portal")
    )


def _region_pages(languages, page_class, code, title, parents):
    """The region's page in each of `languages`, Indonesian first; those missing are made, in
    every language at once, below `parents()`: the parent region's pages in those languages."""
    # Looked up by its indexed code: a child_of() filter would read every page below the parent.
    found = {
        page.locale.language_code: page
        for page in page_class.objects.filter(region_code=code).select_related("locale")
    }
    if all(language in found for language in languages):
        return [found[language] for language in languages]
    missing = [
        (language, parent)
        for language, parent in zip(languages, parents(), strict=True)
        if language not in found
    ]
    source = found.get(languages[0])
    translation_key = source.translation_key if source else uuid.uuid4()
    slug = source.slug if source else slugify(title.removeprefix("Kabupaten "))
    new = [
        new_page(
            page_class,
            title=title if language == languages[0] else translations.english_region_title(title),
            slug=_free_slug(parent, slug, code),
            region_code=code,
            locale_id=parent.locale_id,
            translation_key=translation_key,
        )
        for language, parent in missing
    ]
    page_rows.insert_pages(
        page_rows.place_subtrees(
            [(parent, page, []) for (_language, parent), page in zip(missing, new, strict=True)]
        )
    )
    found.update((language, page) for (language, _parent), page in zip(missing, new, strict=True))
    return [found[language] for language in languages]


def _free_slug(parent, slug, code):
    if parent.get_children().filter(slug=slug).exists():
        return f"{slug}-{code.replace('.', '')}"
    return slug
