from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tixi.geo.models import Division


@login_required
def home(request):
    """A user lands on the dashboard of their scope, or on their institution."""
    division = request.user.home_division()
    if division is not None:
        return redirect("division-dashboard", code=division.code)
    institution = request.user.scope_institutions.first()
    if institution is not None:
        return redirect("institution-detail", code=institution.code)
    if request.user.is_superuser:
        top = Division.objects.current().order_by("level", "code").first()
        if top:
            return redirect("division-dashboard", code=top.code)
    return render(request, "shell/empty.html", {"message": _("Your account has no scope yet.")})
