from django.db import migrations


def load_defaults(apps, schema_editor):
    from tixi.surveillance.defaults import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("surveillance", "0001_initial")]

    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
