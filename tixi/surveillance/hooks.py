"""Detection runs on every new data: an applied import of case reports or channel counts scans the
series it touched (synchronously, in the import's transaction)."""

from tixi.surveillance.detection import detect_for_cases, detect_for_counts
from tixi.surveillance.models import CaseReport, ChannelCount


def after_import(sender, instance, **kwargs):
    if instance.status != "applied" or instance.table not in ("case_reports", "channel_counts"):
        return
    changes = instance.changes or {}
    pks = [*changes.get("inserted", []), *(u["pk"] for u in changes.get("updated", []))]
    if not pks:
        return
    if instance.table == "case_reports":
        detect_for_cases(CaseReport.objects.filter(pk__in=pks).only("disease_code", "report_date"))
    else:
        detect_for_counts(ChannelCount.objects.filter(pk__in=pks).only("channel", "category", "date"))
