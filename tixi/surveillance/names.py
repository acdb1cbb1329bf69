"""What signals, case reports and channel counts are called in the reader's language: diseases,
channels, categories, trigger rules and methods are stored by code (neutral), named when shown —
on the signal pages and in the audit trail (a namer registered with `accounts.audit`)."""

import re

from django.utils import translation
from django.utils.translation import gettext_lazy

from tixi.surveillance.models import CASES, CATEGORIES, Channel, Disease, TriggerRule

METHOD_LABELS = {
    "cidars-percentile": gettext_lazy("moving percentile method"),
    "fixed-threshold": gettext_lazy("fixed threshold method"),
}


# The control parameters a signal stores, by R's names (kept in the stored signal for replay),
# shown by what they mean
PARAMETER_LABELS = {
    "b": gettext_lazy("years of baseline"),
    "w": gettext_lazy("half-window (periods)"),
    "frequency": gettext_lazy("periods a year"),
    "percentile": gettext_lazy("percentile"),
    "threshold": gettext_lazy("threshold (cases)"),
    "alpha": gettext_lazy("significance level"),
}


def parameter_text(parameters: dict) -> str:
    """ "years of baseline 2, half-window (periods) 3, …" in the reader's language; a parameter with
    no label keeps R's name."""
    items = []
    for key, value in parameters.items():
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        items.append(f"{PARAMETER_LABELS.get(key, key)} {shown}")
    return ("，" if _language().startswith("zh") else ", ").join(items)


def _language() -> str:
    return translation.get_language() or "zh-hans"


def method_label(method: str) -> str:
    return str(METHOD_LABELS.get(method, method))


def disease_names(codes) -> dict[str, str]:
    """{code: name in the active language} in one query."""
    language = _language()
    return {d.code: d.name(language) for d in Disease.objects.filter(code__in=set(codes))}


def series_name(source: str, code: str, diseases: dict[str, str] | None = None) -> str:
    """A disease (source "cases"), or a channel and its category."""
    if source == CASES:
        names = diseases if diseases is not None else disease_names([code])
        return names.get(code, code)
    if source not in Channel.values:
        return code
    label = CATEGORIES.get(source, {}).get(code, code)
    return f"{Channel(source).label} · {label}"


def _split_series(text: str) -> tuple[str, str]:
    """A stored series: "hfmd" (a disease) or "fever_clinic/visits" (a channel and category)."""
    source, _slash, code = text.partition("/")
    return (source, code) if code else (CASES, source)


SIGNAL = re.compile(r"^(?P<series>\S+) (?P<place>.*) (?P<period>\S+) \((?P<method>[^)]+)\)$")
COMPOUND = re.compile(r"^(?P<rule>\S+) (?P<rest>.*)$")
CASE_REPORT = re.compile(r"^(?P<card>.*) (?P<disease>\S+) (?P<onset>\S+)$")
CHANNEL_COUNT = re.compile(r"^(?P<series>\S+/\S+) (?P<rest>.*)$")


def _named(texts, pattern, render) -> dict[str, str]:
    matches = {text: pattern.match(text) for text in texts}
    return {text: render(m) for text, m in matches.items() if m}


def name_signals(texts) -> dict[str, str]:
    """Stored as Signal.__str__ ("hfmd 米易县 2025-W41 (cidars-percentile)")."""
    matches = [SIGNAL.match(t) for t in texts]
    diseases = disease_names(_split_series(m["series"])[1] for m in matches if m)
    return _named(
        texts,
        SIGNAL,
        lambda m: (
            f"{series_name(*_split_series(m['series']), diseases)} {m['place']} {m['period']}"
            f" ({method_label(m['method'])})"
        ),
    )


def name_compound_signals(texts) -> dict[str, str]:
    """Stored as CompoundSignal.__str__ ("fever-triad 米易县 2025-10-06–2025-10-08")."""
    language = _language()
    rules = {r.code: r.name_zh if language.startswith("zh") else r.name_en for r in TriggerRule.objects.all()}
    return _named(texts, COMPOUND, lambda m: f"{rules.get(m['rule'], m['rule'])} {m['rest']}")


def name_case_reports(texts) -> dict[str, str]:
    """Stored as CaseReport.__str__ ("card hfmd 2025-10-06")."""
    matches = [CASE_REPORT.match(t) for t in texts]
    diseases = disease_names(m["disease"] for m in matches if m)
    return _named(
        texts,
        CASE_REPORT,
        lambda m: f"{m['card']} {diseases.get(m['disease'], m['disease'])} {m['onset']}",
    )


def name_channel_counts(texts) -> dict[str, str]:
    """Stored as ChannelCount.__str__ ("fever_clinic/visits 哨点 2025-10-06: 12")."""
    return _named(texts, CHANNEL_COUNT, lambda m: f"{series_name(*_split_series(m['series']))} {m['rest']}")


def register() -> None:
    from tixi.accounts.audit import register_object_namer

    register_object_namer("surveillance.Signal", name_signals)
    register_object_namer("surveillance.CompoundSignal", name_compound_signals)
    register_object_namer("surveillance.CaseReport", name_case_reports)
    register_object_namer("surveillance.ChannelCount", name_channel_counts)
