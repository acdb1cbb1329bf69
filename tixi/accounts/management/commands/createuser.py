import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tixi.accounts.audit import acting_as
from tixi.accounts.models import ASSIGNED_ROLES
from tixi.accounts.services import create_user
from tixi.core.errors import format_errors


class Command(BaseCommand):
    help = "Create a user with a role and a scope. The password is asked for (or read from standard input)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=ASSIGNED_ROLES)
        parser.add_argument(
            "--division", action="append", default=[], help="12-digit code of a division in scope"
        )
        parser.add_argument(
            "--institution", action="append", default=[], help="code of an institution in scope"
        )
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )

    def handle(self, *args, username, role, division, institution, password_stdin, **options):
        if password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        elif not sys.stdin.isatty():
            # getpass would fall back to reading standard input and die with EOFError at its end
            raise CommandError(
                _(
                    "password: no terminal to ask it on; pipe it in with --password-stdin "
                    '(echo "$PASSWORD" | tixi createuser NAME --role ROLE ... --password-stdin)'
                )
            )
        else:
            try:
                # in the platform's language (Django's `createsuperuser` asks in English: its
                # password prompts are not marked for translation)
                password = getpass.getpass(_("Password: "))
                again = getpass.getpass(_("Password (again): "))
            except EOFError:
                raise CommandError(_("password: none given (standard input closed)")) from None
            if password != again:
                raise CommandError(_("password: the two passwords differ"))
        try:
            with acting_as("tixi createuser"):
                user = create_user(username, password, role, division, institution)
        except ValidationError as error:
            raise CommandError("\n" + format_errors(error)) from error
        self.stdout.write(
            _("created %(username)s (%(role)s)")
            % {"username": user.username, "role": user.get_role_display()}
        )
