"""Turning domain problems (plain English msgids from engines) into translated validation errors."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_noop

# Messages raised by engine modules (which cannot import Django): listed here so that
# makemessages extracts them.
ENGINE_MESSAGES = [
    gettext_noop("A division code must be exactly 12 digits."),
    gettext_noop("The code has digits beyond those of its level."),
    gettext_noop("The code does not begin with its parent's code."),
    gettext_noop("A division below province level needs a parent."),
    gettext_noop("The parent must be at a higher level."),
    gettext_noop("The end of validity must come after its start."),
    # tixi.exchange.engine: reading files and cells
    gettext_noop("The file is %(size)s MB; the limit is %(limit)s MB."),
    gettext_noop("The file is empty."),
    gettext_noop("This is an old Excel file (.xls); save it as .xlsx (Excel workbook) and import that."),
    gettext_noop("This is not a spreadsheet: neither .xlsx nor CSV."),
    gettext_noop("The CSV is neither UTF-8 nor GBK text."),
    gettext_noop("The file is damaged or is not an .xlsx workbook."),
    gettext_noop("This zip file is not an .xlsx workbook."),
    gettext_noop("The workbook expands to %(size)s MB: refused as unsafe (zip bomb)."),
    gettext_noop("The sheet has merged cells (%(ranges)s); unmerge them and fill every cell."),
    gettext_noop("The workbook cannot be read: %(error)s."),
    gettext_noop("Row %(row)s, column %(column)s holds a formula (%(formula)s); paste values instead."),
    gettext_noop("The CSV cannot be read: %(error)s."),
    gettext_noop("The sheet has no rows."),
    gettext_noop("Longer than %(n)s characters."),
    gettext_noop("Character %(position)s is a control character (%(code)s); remove it."),
    gettext_noop("Not a number."),
    gettext_noop("Give the number without a percent sign."),
    gettext_noop("Must be a whole number."),
    gettext_noop("Must be at least %(minimum)s."),
    gettext_noop("Must be at most %(maximum)s."),
    gettext_noop("Not a date."),
    gettext_noop("No such date."),
    gettext_noop("Not a date; write it as 2024-06-30."),
    gettext_noop("Not one of the allowed values."),
    # tixi.indicators.engine: expression errors and status rules
    gettext_noop("An item is not closed with '}'."),
    gettext_noop("Unexpected character %(char)r."),
    gettext_noop("A filter needs a key, an operator and a value: %(text)r."),
    gettext_noop("Unknown filter key %(key)r; use one of %(keys)s."),
    gettext_noop("The filter %(key)r has no value."),
    gettext_noop("A data element code is letters, digits and '_': %(code)r."),
    gettext_noop("R{...} needs a resource measure, e.g. R{actual_beds}."),
    gettext_noop("I{...} needs an indicator code."),
    gettext_noop("The expression ends early; expected %(text)r."),
    gettext_noop("Expected %(text)r, found %(found)r."),
    gettext_noop("The expression is empty."),
    gettext_noop("Unexpected %(found)r."),
    gettext_noop("Unknown function %(name)r; use one of %(names)s."),
    gettext_noop("%(name)s takes %(low)s to %(high)s arguments, not %(n)s."),
    gettext_noop("The expression ends early."),
    gettext_noop("Unknown data element %(code)r."),
    gettext_noop("Unknown indicator %(code)r."),
    gettext_noop("Unknown resource measure %(code)r."),
    gettext_noop("Unknown value %(value)r for %(key)s."),
    gettext_noop("Indicator %(code)r refers to itself."),
    gettext_noop("The expression is nested too deeply (more than %(n)s levels); simplify it."),
    gettext_noop("No value for %(year)s."),
    gettext_noop("No value for the year before to compare with."),
    gettext_noop("No baseline to maintain."),
    gettext_noop("The national target is not stored."),
    gettext_noop("No baseline value to count the yearly change from."),
    gettext_noop("Worse than the expected %(expected)s."),
    gettext_noop("No baseline; better than the year before but the target is not met."),
    gettext_noop("No baseline, and not moving toward the target."),
    gettext_noop("Less than 75%% of the progress expected by %(year)s (trajectory %(expected)s)."),
    gettext_noop("Not better than the year before (%(previous)s)."),
    gettext_noop("Fell from the baseline %(baseline)s by more than 2%%."),
    gettext_noop("Compared with the national target %(national)s."),
    gettext_noop("The target (%(comparator)s %(target)s) is met."),
    gettext_noop("The target year has come and the target (%(target)s) is not met."),
    gettext_noop("At or beyond the trajectory value %(expected)s for %(year)s."),
    gettext_noop(
        "Short of the trajectory value %(expected)s, but with at least 75%% of the progress expected."
    ),
    gettext_noop("Better than the year before (%(previous)s)."),
    gettext_noop("At zero, as low as it can be, as the year before."),
    gettext_noop("Maintained at the baseline %(baseline)s (within 2%%)."),
    gettext_noop("At or better than the expected %(expected)s (%(change)s a year)."),
    gettext_noop("Within half a year's change of the expected %(expected)s."),
]


def raise_problems(problems) -> None:
    """Raise one ValidationError naming every field and its problems, if there are any."""
    if not problems:
        return
    by_field: dict[str, list[str]] = defaultdict(list)
    for problem in problems:
        by_field[problem.field].append(gettext(problem.message))
    raise ValidationError(dict(by_field))


def message_dict(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in msgs] for field, msgs in error.message_dict.items()}
    return {"non_field_errors": [str(m) for m in error.messages]}


def format_errors(error: ValidationError) -> str:
    """One line per field for the command line: 'field: problem; problem'."""
    return "\n".join(f"{field}: {'; '.join(msgs)}" for field, msgs in message_dict(error).items())


class ExplainedNotFound(Exception):
    """A 404 whose page says why, in its own template (a division that has ended: when, and its
    successor), instead of the usual "does not exist, or outside your regions"."""

    def __init__(self, template: str, context: dict):
        super().__init__(template)
        self.template, self.context = template, context


def not_found(request, exception=None):
    """404: JSON under /api/ (as the OpenAPI schema documents), the usual page elsewhere."""
    from django.http import Http404, JsonResponse
    from django.template.response import TemplateResponse
    from django.views.defaults import page_not_found

    if request.path.startswith("/api/"):
        return JsonResponse({"detail": gettext("Not found.")}, status=404)
    explained = exception.args[0] if isinstance(exception, Http404) and exception.args else None
    if isinstance(explained, ExplainedNotFound):
        request.exportable = False  # a page that says why there is nothing has nothing to download
        return TemplateResponse(request, explained.template, explained.context, status=404).render()
    return page_not_found(request, exception)
