def village(request):
    """The village whose site answers this request (None on the portal)."""
    return {"village": getattr(request, "village", None)}
