from django.test import Client


def login(user):
    """A browser signed in to Balai's admin as `user`, on the portal's host."""
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client
