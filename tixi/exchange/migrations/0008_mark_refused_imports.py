"""Imports refused at preview before 0007 were stored as pending (待确认) for ever. Their stored
outcome tells them apart: a file whose preview found problems is never compared with the database
(`preview_import` skips the diff), so its inserted + updated + unchanged do not add up to its rows,
or it has no rows at all (unreadable, a column missing, no data row); a file that passed the preview
counts each of its rows once, as insert, update or unchanged. (A file refused only by an approval
lock, found after the diff, cannot be told apart this way and stays pending; confirming it shows the
problem again and writes nothing.)"""

from django.db import migrations
from django.db.models import F, Q


def refused_before_0007(ImportBatch):
    counted = F("inserted") + F("updated") + F("unchanged")
    return ImportBatch.objects.filter(status="pending").filter(Q(rows=0) | ~Q(rows=counted))


def mark_refused(apps, schema_editor):
    refused_before_0007(apps.get_model("exchange", "ImportBatch")).update(status="refused")


def mark_pending(apps, schema_editor):
    """Backwards: before 0007 there was no refused status; a refused import read pending."""
    apps.get_model("exchange", "ImportBatch").objects.filter(status="refused").update(status="pending")


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0007_import_batch_refused"),
    ]

    operations = [
        migrations.RunPython(mark_refused, mark_pending, elidable=True),
    ]
