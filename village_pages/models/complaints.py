import uuid
from pathlib import Path

from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .sections import SectionPage


def photo_path(complaint, filename):
    # A name nobody can guess: these photos are for the village's staff only.
    return f"complaints/{complaint.village_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Complaint(models.Model):
    """A complaint or question a villager sent; only that village's staff read it."""

    village = models.ForeignKey(
        "sites.Village", on_delete=models.CASCADE, related_name="complaints"
    )
    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    message = models.TextField(_("message"), max_length=2000)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("complaint or question")
        verbose_name_plural = _("complaints and questions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.message[:40]}"


class ComplaintPage(SectionPage):
    """Pengaduan: a form villagers use to send a complaint or a question to the office."""

    class Meta:
        verbose_name = _("complaint form page")

    def serve(self, request, *args, **kwargs):
        from ..complaints import ComplaintForm, RateLimit

        form = ComplaintForm(request.POST or None, request.FILES or None)
        status = 200
        if request.method == "POST":
            limit = RateLimit(request, self)
            if form.is_from_a_robot():
                return redirect(self.url + "?terkirim=1")
            if limit.exceeded():
                form.add_error(None, limit.message())
                status = 429
            elif form.is_valid():
                limit.count()
                form.instance.village = self.village()
                form.save()
                return redirect(self.url + "?terkirim=1")
        context = self.get_context(request)
        context.update(form=form, sent="terkirim" in request.GET)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def village(self):
        from sites.models import Village

        return Village.objects.get(home_page_id=self.get_parent().pk)
