"""One moderation workflow for every village, on the tree's root page, so every page inherits
it. Villages that had a workflow and a group approval task of their own move over with their
moderation history, and the old ones are removed."""

from django.db import migrations

WORKFLOW_NAME = "Moderasi desa"


def one_workflow(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Task = apps.get_model("wagtailcore", "Task")
    VillageModerationTask = apps.get_model("sites", "VillageModerationTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="sites", model="villagemoderationtask"
    )
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    task = VillageModerationTask.objects.create(
        name="Persetujuan moderator desa", active=True, content_type=task_type
    )
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    old_workflow_ids = list(
        Workflow.objects.filter(name__startswith="Moderasi ", workflow_pages__isnull=False)
        .exclude(pk=workflow.pk)
        .values_list("pk", flat=True)
        .distinct()
    )
    old_task_ids = list(
        WorkflowTask.objects.filter(workflow_id__in=old_workflow_ids).values_list(
            "task_id", flat=True
        )
    )
    WorkflowPage.objects.filter(workflow_id__in=old_workflow_ids).delete()
    WorkflowState.objects.filter(workflow_id__in=old_workflow_ids).update(workflow=workflow)
    TaskState.objects.filter(task_id__in=old_task_ids).update(task=task)
    WorkflowTask.objects.filter(workflow_id__in=old_workflow_ids).delete()
    Workflow.objects.filter(pk__in=old_workflow_ids).delete()
    Task.objects.filter(pk__in=old_task_ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0008_village_moderation_task"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(one_workflow, migrations.RunPython.noop)]
