"""Wagtail's page editor as village staff meet it."""

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.create import CreateView


class CreateWithoutAutosave(CreateView):
    """Autosave starts once a page has been saved: on a new page it would save a draft the
    moment a title is typed, and an abandoned draft then holds that title's address."""

    def get_context_data(self, **kwargs):
        self.autosave_enabled = False
        return super().get_context_data(**kwargs)


# Wrapped as Wagtail wraps its own admin views: a refusal leads back to the dashboard with a
# message, and a visitor who is not logged in is sent to the login page.
create_without_autosave = require_admin_access(CreateWithoutAutosave.as_view())
