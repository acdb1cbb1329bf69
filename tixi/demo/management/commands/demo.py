import os
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.accounts.audit import acting_as
from tixi.accounts.models import DEMO_ACTOR
from tixi.core import clock
from tixi.demo import discharges, indicator_values, ledger_story, surveillance_story
from tixi.demo.builder import DemoBuilder
from tixi.demo.calendar import demo_today, stamped_on_the_demo_s_today
from tixi.demo.load import DEMO_PASSWORD, create_demo_accounts, write
from tixi.demo.published import store_published_values
from tixi.demo.seeds import load_from_seeds
from tixi.exchange.validation import load_default_rules
from tixi.geo.models import Division, Population
from tixi.hospitals import demo as hospitals_demo
from tixi.indicators.services import load_catalogue, load_plan_packs
from tixi.layout.norms import load_norms


def holds_a_region_of_its_own() -> bool:
    """A database with divisions and not one synthetic population row was not built by the demo: it is
    a commission's. The demo's load (always synthetic populations) would give it the demo's accounts
    with the password the README publishes, or with --rebuild erase it (found following the README's
    deployment section: `tixi bench serve` with /etc/tixi/env read runs `tixi demo` on the live database)."""
    return Division.objects.exists() and not Population.objects.filter(is_synthetic=True).exists()


def load_plans_and_values() -> dict:
    counts = load_catalogue()
    plans = load_plan_packs()
    counts["plans"] = len(plans)
    counts["targets"] = sum(p.targets.count() for p in plans)
    counts["data_values"] = indicator_values.generate()
    counts["published_values"] = store_published_values()
    # after the synthetic data values (indicator_values.generate replaces every synthetic value):
    # the hospital figures computed from the synthetic discharge records
    # each hospital's records follow its yearly report (discharges, bed-days): the pages computed from
    # them read the occupancy the registry shows
    counts.update(
        hospitals_demo.build(
            today=demo_today(),
            hospitals_of=discharges.hospitals_as_reported,
            calibrate=discharges.calibrate,
        )
    )
    counts["validation_rules"] = load_default_rules()
    counts.update(load_from_seeds())
    counts["norms"] = load_norms()
    return counts


class Command(BaseCommand):
    help = "Build the demo region (every region of the seeds, 2018 to the year of its today) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--build-only", action="store_true", help="build the database, do not serve")
        parser.add_argument(
            "--rebuild", action="store_true", help="rebuild even if the demo is already there"
        )
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, **options):
        # the demo's today is the command's own: called in a process that goes on (a test, a script),
        # it must not stay pinned after the command (a worker's later tests judged "today" as 2025-10-15)
        before = getattr(settings, "TIXI_TODAY", None)
        try:
            self.build_and_serve(**options)
        finally:
            settings.TIXI_TODAY = before

    def build_and_serve(self, build_only, rebuild, addrport, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # the demo lives on its own today (TIXI_TODAY overrides it), which fits its ledger's deadlines:
        # a demo already built keeps the day it was built for, which its database remembers
        remembered = None if rebuild else clock.demo_today()
        settings.TIXI_TODAY = getattr(settings, "TIXI_TODAY", None) or remembered or demo_today()
        if holds_a_region_of_its_own():
            raise CommandError(
                _(
                    "This database holds a region the demo did not build (%(divisions)s divisions, no synthetic "
                    "data): the demo would add its accounts with a published password, or erase it with "
                    "--rebuild. Point DATABASE_URL at a database of its own."
                )
                % {"divisions": Division.objects.count()}
            )
        if rebuild or not Division.objects.exists():
            if Division.objects.exists():
                call_command("flush", interactive=False, verbosity=0)
            started = time.perf_counter()
            self.stdout.write("Building the demo region (fixed seed)...")
            # stamped on the demo's today: no audit entry, value or notice dated after it
            with acting_as(DEMO_ACTOR), stamped_on_the_demo_s_today():
                counts = write(DemoBuilder().build())
                counts.update(load_plans_and_values())
                create_demo_accounts()
                counts.update(ledger_story.write())
                counts.update(surveillance_story.write())
                # the database remembers its day: `tixi serve` on it (no TIXI_TODAY) lives on it too
                clock.remember_demo_today(settings.TIXI_TODAY)
            for label, n in counts.items():
                self.stdout.write(f"  {label}: {n}")
            self.stdout.write(f"  built in {time.perf_counter() - started:.1f} s")
        else:
            self.stdout.write("The demo region is already built (use --rebuild to build it again).")
            if clock.demo_today() is None:
                # built before the database remembered its day: it was built for this one
                clock.remember_demo_today(settings.TIXI_TODAY)
        with acting_as(DEMO_ACTOR), stamped_on_the_demo_s_today():
            accounts = create_demo_accounts()
        self.stdout.write(
            f"\nThe demo's today: {settings.TIXI_TODAY:%Y-%m-%d} (synthetic data is marked as such;"
            f" the database remembers the day it was built for, {clock.demo_today():%Y-%m-%d}:"
            " `tixi serve` on it lives on that day unless TIXI_TODAY is set)"
        )
        self.stdout.write(f"\nDemo accounts (password: {DEMO_PASSWORD}):")
        for username, role, scope in accounts:
            self.stdout.write(f"  {username:<12} {role:<24} {scope}")
        if not build_only:
            # gunicorn replaces this process and reads its settings afresh: the demo's today goes in
            # the environment, or its pages would judge its deadlines by the calendar's date
            os.environ["TIXI_TODAY"] = f"{settings.TIXI_TODAY:%Y-%m-%d}"
            call_command("serve", addrport=addrport)
