"""Village staff accounts: each belongs to its village's editors or moderators group."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.crypto import get_random_string

from .languages import below_in_every_language
from .models import Village

ROLES = ("editor", "moderator")


def find_village(slug_or_code):
    """A village by its slug or Kemendagri code (dotted or not); None if there is none."""
    value = slug_or_code.strip().lower()
    dotted = value
    if value.isdigit() and len(value) == 10:
        dotted = f"{value[:2]}.{value[2:4]}.{value[4:6]}.{value[6:]}"
    return Village.objects.filter(Q(slug=value) | Q(code=dotted)).first()


@transaction.atomic
def add_staff(village, username, role, email=""):
    """Create or update `username` as `role` of `village`; returns (user, new password or None)."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    password = None
    if created:
        password = get_random_string(12)
        user.set_password(password)
    if email:
        user.email = email
    user.is_active = True
    user.save()
    wanted, other = (
        (village.editors, village.moderators)
        if role == "editor"
        else (village.moderators, village.editors)
    )
    user.groups.remove(other)
    user.groups.add(wanted)
    return user, password


def villages_of(user):
    """The villages whose staff `user` is; every village for a superuser."""
    if user.is_superuser:
        return Village.objects.all()
    # The groups are read first: as a subquery on either side of the OR, PostgreSQL reads
    # every village instead of looking the two groups up.
    groups = list(user.groups.values_list("pk", flat=True))
    return Village.objects.filter(Q(editors__in=groups) | Q(moderators__in=groups))


def own_pages_filter(user):
    """A filter for the pages of `user`'s villages, or None when every page is theirs."""
    if user.is_superuser:
        return None
    # A village's English home page is a translation of its Indonesian one.
    return below_in_every_language(
        villages_of(user).values_list("home_page__translation_key", flat=True)
    )


def colleagues(user):
    """The staff of `user`'s villages, whom the admin's filters by person may name; everyone
    for a superuser."""
    User = get_user_model()
    if user.is_superuser:
        return User.objects.all()
    groups = [
        group for pair in villages_of(user).values_list("editors", "moderators") for group in pair
    ]
    return User.objects.filter(groups__in=groups).distinct()
