"""Django settings for Tixi. Everything a deployment changes comes from the environment."""

import datetime as dt
import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("TIXI_VAR_DIR", REPO_DIR / "var"))


def generated_secret_key(var_dir: Path) -> str:
    """The key of this installation: made once into the data folder (readable by its owner only), so
    that no key is public and sessions survive restarts. Refuses to start when it cannot be kept."""
    path = var_dir / "secret_key"
    try:
        if not path.exists():
            var_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=var_dir, delete=False, prefix=".secret_key.") as f:
                f.write(secrets.token_urlsafe(50))
            os.chmod(f.name, 0o600)
            try:  # link is atomic: of two processes starting at once, one key wins and both read it
                os.link(f.name, path)
            except FileExistsError:
                pass
            finally:
                os.unlink(f.name)
        key = path.read_text().strip()
    except OSError as error:
        raise ImproperlyConfigured(
            f"TIXI_SECRET_KEY is not set and no key can be kept in {path} ({error.strerror}): "
            "set TIXI_SECRET_KEY or make TIXI_VAR_DIR writable"
        ) from error
    if len(key) < 50:
        raise ImproperlyConfigured(f"{path} holds no usable key: delete it to generate one")
    return key


def flag(name: str) -> bool:
    """A 0/1 setting. Anything else is refused rather than read as off: systemd's EnvironmentFile keeps
    a trailing `# comment` in the value, and `TIXI_HTTPS=1  # …` must not quietly serve without HTTPS."""
    value = os.environ.get(name, "0").strip()
    if value not in ("0", "1", ""):
        raise ImproperlyConfigured(
            f"{name} must be 0 or 1, not {value!r} (a comment belongs on a line of its own)"
        )
    return value == "1"


SECRET_KEY = os.environ.get("TIXI_SECRET_KEY") or generated_secret_key(VAR_DIR)
DEBUG = flag("TIXI_DEBUG")
ALLOWED_HOSTS = os.environ.get("TIXI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
if any(h != h.strip() or " " in h for h in ALLOWED_HOSTS):
    raise ImproperlyConfigured(f"TIXI_ALLOWED_HOSTS holds a space: {','.join(ALLOWED_HOSTS)!r}")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("TIXI_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Behind HTTPS (TIXI_HTTPS=1): cookies only over HTTPS, plain HTTP redirected, browsers told to stay on
# HTTPS. Behind a reverse proxy (TIXI_BEHIND_PROXY=1) the proxy says the scheme and the client address.
HTTPS = flag("TIXI_HTTPS")
BEHIND_PROXY = flag("TIXI_BEHIND_PROXY")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("TIXI_HSTS_SECONDS", 31_536_000)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# No `preload`: the browsers' preload list is for public domains, and a commission's intranet host is
# not one; Django's deploy check that asks for it (W021) is silenced for that reason alone.
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A working day, and no longer than the browser stays open.
SESSION_COOKIE_AGE = int(os.environ.get("TIXI_SESSION_HOURS", 8)) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# ...and ended after this many minutes without a request (tixi/accounts/idle.py).
IDLE_MINUTES = int(os.environ.get("TIXI_IDLE_MINUTES", 30))
# The date the platform takes as today (YYYY-MM-DD); unset: the calendar's. `tixi demo` sets its own.
TIXI_TODAY = dt.date.fromisoformat(os.environ["TIXI_TODAY"]) if os.environ.get("TIXI_TODAY") else None

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "tixi.core",
    "tixi.accounts",
    "tixi.geo",
    "tixi.registry",
    "tixi.indicators",
    "tixi.exchange",
    "tixi.ledger",
    "tixi.layout",
    "tixi.surveillance",
    "tixi.hospitals",
    "tixi.demo",
    "tixi.shell",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tixi.core.middleware.LanguageMiddleware",
    "tixi.core.security.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tixi.accounts.idle.IdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tixi.core.security.ContentSecurityPolicyMiddleware",
    "tixi.accounts.audit.AuditUserMiddleware",
    "tixi.core.security.RefusedSaveMiddleware",
    # last, as django-axes asks: turns a locked-out login into its 429 answer
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tixi.urls"
WSGI_APPLICATION = "tixi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tixi.core.context_processors.demo_day",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'tixi.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several server workers at once: readers never block the writer (WAL), a writer waits its turn
    # (timeout) and takes the write lock when its transaction begins (IMMEDIATE), so that no
    # transaction fails with "database is locked" when upgrading from a read.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=30,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Password policy: 10 characters or more, not like the user's name, not a common or all-digit one.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): 5 failures in a row for a user name, or from an address, lock that
# name or address out for 15 minutes (HTTP 429); failures and lock-outs go to the audit trail
# (tixi/accounts/login_audit.py). `tixi manage axes_reset_username NAME` lifts a lock early.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("TIXI_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("TIXI_LOGIN_LOCKOUT_MINUTES", 15)))


def login_lock_parameters(value: str) -> list:
    """What a run of failed logins locks (TIXI_LOGIN_LOCK_BY). "user,address" (the default): the user
    name from any address, and the address for every name (it stops one machine guessing many
    names). "user": the user name from any address, and no address lock, for offices whose staff share
    one NAT or proxy address, where one mistyping colleague would lock everyone out for 15 minutes."""
    choices = {"user,address": ["username", "ip_address"], "user": ["username"]}
    if value not in choices:
        raise ValueError(f"TIXI_LOGIN_LOCK_BY is one of {', '.join(choices)}, not {value!r}")
    return choices[value]


AXES_LOCKOUT_PARAMETERS = login_lock_parameters(os.environ.get("TIXI_LOGIN_LOCK_BY", "user,address"))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "tixi.core.security.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# The years the demo region is built for and the pages offer (year pickers, series, data entry).
TIXI_YEARS = range(
    int(os.environ.get("TIXI_FIRST_YEAR", "2018")), int(os.environ.get("TIXI_LAST_YEAR", "2026")) + 1
)
# The seed documents: the plans whose tasks and projects `tixi demo` loads, and `tixi bench parse`.
TIXI_SEEDS_DIR = Path(os.environ.get("TIXI_SEEDS_DIR") or REPO_DIR.parent / "shared" / "seeds")

MEDIA_ROOT = VAR_DIR / "media"  # attachments; served only through views that check the scope
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
NODE_MODULES = REPO_DIR / "node_modules"
# Front-end assets come from their npm packages (package-lock.json) and are served by the app.
STATICFILES_DIRS = [
    ("vendor/echarts", NODE_MODULES / "echarts" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

REST_FRAMEWORK = {
    # Token first: DRF takes the challenge of the first class, so a request without credentials gets
    # 401 with "WWW-Authenticate: Token" (session authentication has no challenge and would give 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "tixi.core.api.Pages",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Tixi API",
    "DESCRIPTION": "Registry of a regional medical and health service system: divisions, population, "
    "institutions and their yearly resources. Every list is filtered by the caller's scope.",
    "VERSION": "0.1.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_INCLUDE_SCHEMA": False,
    # one name per choice set where several fields share it (a signal's status and its steps)
    "ENUM_NAME_OVERRIDES": {
        "SignalStatusEnum": "tixi.surveillance.models.SignalStatus",
        "CaseStatusEnum": "tixi.surveillance.models.CaseStatus",
        "DivisionLevelEnum": "tixi.geo.models.Level",  # a division's level (norms, divisions)
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tixi.core.schema.document_errors",  # 400/401/403/404… on every operation
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # a request for another host name is answered 400 and is an address scanner's noise, not a fault:
    # one line, without Django's traceback in the journal
    "formatters": {"line": {"()": "tixi.core.logs.OneLine", "format": "%(levelname)s %(name)s: %(message)s"}},
    "loggers": {
        "django.security.DisallowedHost": {
            "handlers": ["security_line"],
            "level": "WARNING",
            "propagate": False,
        }
    },
}
LOGGING["handlers"]["security_line"] = {"class": "logging.StreamHandler", "formatter": "line"}
