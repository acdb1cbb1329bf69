"""A target's note in English (the note is ours, not the seed's: journey16). The targets a plan pack
loaded before get their pack's English note, where the stored note is still the pack's (one edited
since keeps an empty English note, and the page says it is not yet translated)."""

from pathlib import Path

import yaml
from django.db import migrations, models

PLANS = Path(__file__).resolve().parents[1] / "data" / "plans"


def english_notes_from_the_packs(apps, schema_editor):
    Target = apps.get_model("indicators", "Target")
    for pack_file in sorted(PLANS.glob("*.yaml")):
        pack = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
        for order, t in enumerate(pack["targets"], start=1):
            if t.get("note") and t.get("note_en"):
                Target.objects.filter(plan__code=pack["code"], order=order, note=t["note"]).update(
                    note_en=t["note_en"]
                )


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0008_platform_clock_stamps"),
    ]

    operations = [
        migrations.AddField(
            model_name="target",
            name="note_en",
            field=models.TextField(blank=True, verbose_name="note in English"),
        ),
        migrations.RunPython(english_notes_from_the_packs, migrations.RunPython.noop, elidable=True),
    ]
