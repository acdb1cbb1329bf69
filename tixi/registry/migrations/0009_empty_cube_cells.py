# PostgreSQL's cube triggers take old rows out by a subtracting upsert and delete emptied cells by a
# partial index, instead of joining the cube with a transition table (cube.py says why): the
# triggers are installed again, and the index they delete by is added.

from django.db import migrations, models

from tixi.registry import cube

# the measures as of 0006 (a later measure installs the triggers again with its own list)
MEASURES = (
    "approved_beds", "actual_beds", "icu_beds", "rehabilitation_beds", "psychiatric_beds",
    "infectious_beds", "emergency_observation_beds", "health_workers", "health_technicians",
    "physicians", "nurses", "pharmacists", "gps", "tcm_physicians", "public_health_physicians",
    "ambulances", "negative_pressure_ambulances", "childcare_places", "outpatient_visits",
    "discharges", "bed_days", "open_bed_days",
)  # fmt: skip


def install_again(apps, schema_editor):
    for statement in cube.uninstall_sql(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)
    for statement in cube.install_sql(schema_editor.connection.vendor, MEASURES):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0008_tcm_specialty_designations"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="resourcecube",
            index=models.Index(condition=models.Q(("n", 0)), fields=["n"], name="empty_cube_cells"),
        ),
        migrations.RunPython(install_again, install_again),
    ]
