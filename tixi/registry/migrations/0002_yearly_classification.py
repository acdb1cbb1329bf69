from django.db import migrations, models
from django.db.models import OuterRef, Subquery

FIELDS = ("type", "level", "grade", "ownership", "operator")


def copy_classification(apps, schema_editor):
    Institution = apps.get_model("registry", "Institution")
    InstitutionYear = apps.get_model("registry", "InstitutionYear")
    InstitutionYear.objects.update(
        **{f: Subquery(Institution.objects.filter(pk=OuterRef("institution_id")).values(f)[:1]) for f in FIELDS}
    )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [
        migrations.AddField("institutionyear", "type", models.CharField(default="", editable=False, max_length=40, verbose_name="type")),
        migrations.AddField("institutionyear", "level", models.PositiveSmallIntegerField(editable=False, null=True, verbose_name="level")),
        migrations.AddField("institutionyear", "grade", models.CharField(blank=True, default="", editable=False, max_length=1, verbose_name="grade")),
        migrations.AddField("institutionyear", "ownership", models.CharField(default="", editable=False, max_length=8, verbose_name="ownership")),
        migrations.AddField("institutionyear", "operator", models.CharField(default="", editable=False, max_length=12, verbose_name="run by")),
        migrations.RunPython(copy_classification, migrations.RunPython.noop),
    ]
