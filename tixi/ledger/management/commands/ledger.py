from django.core.management.base import BaseCommand

from tixi.ledger.services import remind


class Command(BaseCommand):
    help = "The task ledger: `tixi ledger remind [--days N]` lists what falls due or is overdue, per unit, and notifies members in the app."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        reminder = sub.add_parser("remind")
        reminder.add_argument("--days", type=int, default=30)

    def handle(self, *args, action, days, **options):
        by_unit = remind(days)
        if not by_unit:
            self.stdout.write(f"nothing falls due within {days} days")
        for unit, tasks in sorted(by_unit.items(), key=lambda kv: kv[0].name):
            self.stdout.write(f"{unit.name}{f'（{unit.division.name}）' if unit.division else ''}")
            for task, overdue in tasks:
                self.stdout.write(
                    f"  {'OVERDUE' if overdue else 'due    '} {task.deadline:%Y-%m-%d}  {task.clause} {task.title}"
                )
