"""Each village's collection of images and documents, below its regency's and district's."""

from django.db.models import F
from wagtail.models import Collection


def collection_for(village_name, village_code, district, regency):
    """A new collection for the village, and for its district and regency if they have none;
    `regency()` gives the district's regency page, needed only then."""
    # Collections are kept sorted by name and adding one moves every later sibling. Nesting them
    # by regency and district, and starting each name with its register code, makes a new one
    # land last among a few siblings: the 2,000th village costs what the 10th did.
    name = f"{village_code} {village_name}"
    if district.collection_id:
        return add_collection(Collection.objects.get(pk=district.collection_id), name)
    parent = Collection.get_first_root_node()
    for region in (regency(), district):
        if region.collection_id is None:
            region.collection = add_collection(parent, f"{region.region_code} {region.title}")
            type(region).objects.filter(pk=region.pk).update(collection=region.collection)
        parent = region.collection
    return add_collection(parent, name)


def add_collection(parent, name):
    """A new child of `parent` called `name`, its children kept sorted by name.

    treebeard finds the place with a prefix match that SQLite cannot answer from the path
    index, so it reads every collection. When the new name sorts after its siblings, as a
    register code at its start sees to, Balai takes the next place itself; otherwise
    treebeard makes room for it.
    """
    children = Collection.objects.filter(
        depth=parent.depth + 1, path__range=Collection._get_children_path_interval(parent.path)
    )
    last = children.order_by("-path").first()
    if last is not None and last.name > name:
        return parent.add_child(name=name)
    step = 1 if last is None else Collection._str2int(last.path[-Collection.steplen :]) + 1
    Collection.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return Collection.objects.create(
        name=name,
        depth=parent.depth + 1,
        path=Collection._get_path(parent.path, parent.depth + 1, step),
        numchild=0,
    )
