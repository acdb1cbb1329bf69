# Open bed-days (实际开放总床日数) on the yearly report, summed in the resource cube like the rest:
# the cube's triggers list their measures, so they are dropped and installed again with the new one.

import django.core.validators
from django.db import migrations, models

from tixi.registry import cube

OLD_MEASURES = (
    "approved_beds", "actual_beds", "icu_beds", "rehabilitation_beds", "psychiatric_beds",
    "infectious_beds", "emergency_observation_beds", "health_workers", "health_technicians",
    "physicians", "nurses", "pharmacists", "gps", "tcm_physicians", "public_health_physicians",
    "ambulances", "negative_pressure_ambulances", "childcare_places", "outpatient_visits",
    "discharges", "bed_days",
)  # fmt: skip
MEASURES = (*OLD_MEASURES, "open_bed_days")


def drop_triggers(apps, schema_editor):
    for statement in cube.uninstall_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def install_with(measures):
    def install(apps, schema_editor):
        for statement in cube.install_sql(schema_editor.connection.vendor, measures):
            schema_editor.execute(statement, params=None)

    return install


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0005_resource_cube"),
    ]

    operations = [
        migrations.RunPython(drop_triggers, install_with(OLD_MEASURES)),
        migrations.AddField(
            model_name="institutionyear",
            name="open_bed_days",
            field=models.PositiveIntegerField(
                default=0,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="open bed-days",
            ),
        ),
        migrations.AddField(
            model_name="resourcecube",
            name="open_bed_days",
            field=models.BigIntegerField(default=0),
            preserve_default=False,
        ),
        migrations.RunPython(install_with(MEASURES), drop_triggers),
    ]
