"""The default validation rules on every installation, not only where `tixi demo` ran: a commission's
own server would otherwise accept 5 negative-pressure ambulances of 3 (a blocking rule). Missing rules
are created once; a rule the commission has changed keeps its change."""

from django.db import migrations


def create_default_rules(apps, schema_editor):
    from tixi.exchange.validation import DEFAULT_RULES

    rule_model = apps.get_model("exchange", "ValidationRule")
    present = set(rule_model.objects.values_list("code", flat=True))
    # part of the installation, as the schema is: created in bulk, without an audit entry dated the
    # day of the upgrade (the demo's records are all dated on its today)
    rule_model.objects.bulk_create(
        [
            rule_model(**{"level": "institution", "blocking": False, **data})
            for data in DEFAULT_RULES
            if data["code"] not in present
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("exchange", "0003_import_batch_division")]

    operations = [migrations.RunPython(create_default_rules, migrations.RunPython.noop)]
