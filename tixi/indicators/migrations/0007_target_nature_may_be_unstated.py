# Most text goals of the seeds state no nature (预期性/约束性): the field may say so instead of
# defaulting to "expected".

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0006_target_reads_a_norm"),
    ]

    operations = [
        migrations.AlterField(
            model_name="target",
            name="nature",
            field=models.CharField(
                blank=True,
                choices=[("", "not stated"), ("expected", "expected"), ("binding", "binding")],
                default="",
                max_length=8,
                verbose_name="nature",
            ),
        ),
    ]
