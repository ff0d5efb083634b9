from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app, its list without a filter of every village's groups."""

    user_viewset = "sites.crowded_lists.UserViewSet"
