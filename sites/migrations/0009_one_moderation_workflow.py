"""Every village's pages move from a workflow and group approval task of their own to the one
village moderation workflow, with their moderation history; the old ones are removed."""

from django.db import migrations

WORKFLOW_NAME = "Moderasi desa"


def one_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Task = apps.get_model("wagtailcore", "Task")
    VillageModerationTask = apps.get_model("sites", "VillageModerationTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    old_workflows = Workflow.objects.filter(
        name__startswith="Moderasi ", workflow_pages__isnull=False
    ).exclude(name=WORKFLOW_NAME)
    old_workflow_ids = list(old_workflows.values_list("pk", flat=True).distinct())
    if not old_workflow_ids:
        return
    old_task_ids = list(
        WorkflowTask.objects.filter(workflow_id__in=old_workflow_ids).values_list(
            "task_id", flat=True
        )
    )
    task_type, _ = ContentType.objects.get_or_create(
        app_label="sites", model="villagemoderationtask"
    )
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    task = VillageModerationTask.objects.create(
        name="Persetujuan moderator desa", active=True, content_type=task_type
    )
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.filter(workflow_id__in=old_workflow_ids).update(workflow=workflow)
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
