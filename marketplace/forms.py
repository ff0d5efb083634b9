from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sites.own_files import OwnFilesModelForm
from sites.page_forms import BasePageForm
from sites.staff import villages_of


class SellerForm(OwnFilesModelForm):
    """Staff of one village add sellers to it without choosing it; the superuser, and staff of
    several villages, choose among theirs."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or "village" not in self.fields:
            return
        villages = list(villages_of(for_user)[:2])
        if len(villages) == 1 and not for_user.is_superuser:
            del self.fields["village"]
            if self.instance.village_id is None:
                self.instance.village = villages[0]
        else:
            self.fields["village"].queryset = villages_of(for_user)


class ProductPageForm(BasePageForm):
    """A product has one to six photos, and its seller is chosen among its own village's
    sellers only; sellers and categories are each listed once: in the page's language where
    they have been translated, else in Indonesian."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from sites.models import Village

        from .models import Seller

        # The photo formset counts the photos being sent; the page's own relation holds them
        # only once the form is saved.
        if "photos" in self.formsets:
            self.formsets["photos"].error_messages.update(
                too_few_forms=_("Add at least one photo: buyers want to see what they order."),
                too_many_forms=_("A product has at most six photos."),
            )
        page = self.instance if self.instance.pk else parent_page
        village = Village.objects.for_page(page) if page else None
        if "seller" in self.fields:
            self.fields["seller"].required = True
            sellers = Seller.objects.filter(village=village)
            self.fields["seller"].queryset = each_once_in(sellers, page)
        if "category" in self.fields:
            categories = self.fields["category"].queryset
            self.fields["category"].queryset = each_once_in(categories, page)


def each_once_in(rows, page):
    """`rows` of a translatable model each once: in `page`'s language where translated."""
    if page is None:
        return rows
    in_language = rows.filter(locale_id=page.locale_id)
    return rows.filter(
        Q(pk__in=in_language) | ~Q(translation_key__in=in_language.values("translation_key"))
    )
