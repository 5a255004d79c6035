"""Settings for the scrutiny tracker, read from the environment (see README)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSECURE_DEFAULT_SECRET_KEY = "django-insecure-local-development-only"
DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
# The same test as `check --deploy` (security.W009), so the guard and the check agree.
if not DEBUG and (
    SECRET_KEY == INSECURE_DEFAULT_SECRET_KEY
    or len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY must be set to a long random value when DJANGO_DEBUG is off: "
        f"at least {SECRET_KEY_MIN_LENGTH} characters, {SECRET_KEY_MIN_UNIQUE_CHARACTERS} "
        f"of them different (python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Full-text search on PostgreSQL (the recommendations list); harmless on SQLite.
    "django.contrib.postgres",
    "django.forms",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    "django_tasks_db",
    "core",
    "scrutiny",
    "council",
    "accounts",
    "recommendations",
    "responses",
    "deadlines",
    "inspections",
    "papers",
    "exchange",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads the body (CSRF reads it in process_view, after every
    # middleware's __call__): refuses an oversized request, file parts included.
    "core.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.continuity.KeepTypedInputMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.oidc.CouncilAccountSessionRefresh",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last on the way in, first on the way out: marks every signed-in response private.
    "core.middleware.PrivateResponsesMiddleware",
]

ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

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
                "council.context_processors.council",
                "core.context_processors.session",
                "accounts.context_processors.navigation",
            ],
        },
    },
]
FORM_RENDERER = "core.forms_renderer.GovukFormRenderer"

# SQLite under var/ is the embedded default; DATABASE_URL=postgres://... is production.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'scrutiny.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# An optional read replica (a streaming copy of the primary): the public pages and the
# API read from it (scrutiny.routers.ReplicaRouter); every write goes to the primary.
if os.environ.get("DATABASE_REPLICA_URL", "").strip():
    DATABASES["replica"] = dj_database_url.config(
        env="DATABASE_REPLICA_URL",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["scrutiny.routers.ReplicaRouter"]
    MIDDLEWARE.append("scrutiny.routers.ReplicaReadsMiddleware")


def _pooled(database: dict) -> None:
    """psycopg 3's connection pool in each process, on PostgreSQL (DATABASE_POOL=false for
    none). A gunicorn worker serves GUNICORN_THREADS requests at once, so it never needs
    more connections than threads: workers × threads in all (10 on this machine, see
    gunicorn.conf.py), plus the task worker's. Django requires CONN_MAX_AGE 0 with a
    pool: the pool keeps the connections instead."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    if os.environ.get("DATABASE_POOL", "true").lower() in {"0", "false", "no", "off"}:
        return
    threads = int(os.environ.get("GUNICORN_THREADS", "2"))
    database["CONN_MAX_AGE"] = 0
    database.setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        # Headroom over the threads: a development or test server (runserver, the browser
        # tests' live server) serves each request in a thread of its own.
        "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", max(threads * 2, 8))),
        "timeout": 10,  # seconds a request waits for a free connection before an error
    }


def _planned_for_memory(database: dict) -> None:
    """The planner's cost of a random page read, on every PostgreSQL connection of the
    application: 1.1, not the server's default 4 (made for spinning disks), as PostgreSQL's
    documentation suggests where the data is cached or on SSD. With 4 the planner reads a
    board's reports by merging with every inquiry instead of looking each one up: the
    home pages' due lists took twice as long at 100,000 recommendations (issue 14).
    DATABASE_RANDOM_PAGE_COST sets another value; empty leaves it to the server."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    cost = os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1").strip()
    if not cost:
        return
    float(cost)  # a typing mistake stops the start, not every connection
    options = database.setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c random_page_cost={cost}".strip()


for _database in DATABASES.values():
    _pooled(_database)
    _planned_for_memory(_database)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginThrottleBackend",
    "rules.permissions.ObjectPermissionBackend",
    "accounts.oidc.CouncilAccountBackend",
    "accounts.two_factor.TwoFactorBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Sign-in throttling (django-axes): after 5 failures a username is locked for 15 minutes
# from that address; a success clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Two-factor authentication for local accounts (accounts/two_factor.py): the name
# authenticator apps show beside the code.
OTP_TOTP_ISSUER = "Scrutiny tracker"

# Signing in with the council account (OpenID Connect; accounts/oidc.py). Without a client
# id only local passwords are offered. The endpoints are in the provider's discovery
# document (<issuer>/.well-known/openid-configuration).
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_PROVIDER_LABEL = os.environ.get("OIDC_PROVIDER_LABEL", "your council account")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_STORE_ID_TOKEN = True  # for signing out at the provider too
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:council_callback"
LOGIN_REDIRECT_URL_FAILURE = "/sign-in/council-account/failed/"
OIDC_OP_LOGOUT_URL_METHOD = "accounts.oidc.provider_logout_url"
# A person switched off at the provider is signed out here within this time.
OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = int(os.environ.get("OIDC_RECHECK_SECONDS", "900"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# Dates as council papers write them: "26 April 2012".
FORMAT_MODULE_PATH = ["core.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"

# Email through Django's mailers (MAILERS, which replaced the EMAIL_* settings in Django
# 6.1): one "default" mailer, from the environment. The console prints mail with debug on;
# SMTP sends it without.
SMTP_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND_PATH = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else SMTP_EMAIL_BACKEND,
)
# Seconds the SMTP connection may wait for the server: a server that accepts and never
# answers must not hold a worker.
EMAIL_TIMEOUT_SECONDS = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "30"))


def smtp_options() -> dict:
    """The SMTP mailer's OPTIONS from the environment, its time limit always set."""
    options: dict = {
        "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
        "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
        "timeout": EMAIL_TIMEOUT_SECONDS,
    }
    if "DJANGO_EMAIL_HOST_USER" in os.environ:
        options["username"] = os.environ["DJANGO_EMAIL_HOST_USER"]
        options["password"] = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
    return options


# Django's SMTP backend takes the SMTP options; so does another backend built on it when
# DJANGO_EMAIL_SMTP_OPTIONS=true (a council's own signing backend, say). Any other (the
# console, a provider's API) takes none: Django refuses options a backend does not know.
EMAIL_SMTP_OPTIONS = env_bool("DJANGO_EMAIL_SMTP_OPTIONS", EMAIL_BACKEND_PATH == SMTP_EMAIL_BACKEND)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": smtp_options() if EMAIL_SMTP_OPTIONS else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "scrutiny@localhost")
# A notification claimed for sending whose send never finished (its worker died) is
# reclaimed after this long and retried. Far longer than EMAIL_TIMEOUT_SECONDS, so that an
# attempt still running cannot be doubled.
NOTIFICATION_RECLAIM_AFTER = timedelta(
    minutes=int(os.environ.get("NOTIFICATION_RECLAIM_MINUTES", "15"))
)

# Work done off the request (emails, large imports): Django's tasks framework with a
# database queue, worked by `manage.py db_worker` (started by `make run` and the deployment).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Papers and exports larger than these are made by the worker, their progress shown on
# a job page and their result kept in the database (core.Job) for this long; smaller
# ones are made in the request. `manage.py jobs_delete_expired` removes expired results.
PAPERS_INLINE_MAX_RECOMMENDATIONS = int(os.environ.get("PAPERS_INLINE_MAX_RECOMMENDATIONS", "250"))
# A paper's preview page shows its first so many recommendations; its PDF has them all.
PAPERS_PREVIEW_MAX_RECOMMENDATIONS = int(os.environ.get("PAPERS_PREVIEW_MAX_RECOMMENDATIONS", "50"))
EXPORT_INLINE_MAX_ROWS = int(os.environ.get("EXPORT_INLINE_MAX_ROWS", "5000"))
JOB_RESULTS_KEPT_FOR = timedelta(hours=int(os.environ.get("JOB_RESULTS_KEPT_HOURS", "24")))

# No inline script or style anywhere: everything comes from our own static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Signed-in sessions end after this long without a request (default one hour).
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", "3600"))
SESSION_SAVE_EVERY_REQUEST = True
# Refuse oversized form bodies early (uploaded files are limited by the importer: 10 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
# Django's caps above do not cover the file parts of a multipart body, which it streams to
# disk: core.middleware.RequestSizeLimitMiddleware refuses any body over this many bytes
# (by Content-Length, and while reading it), except for the views allowed more below.
REQUEST_MAX_BYTES = int(os.environ.get("REQUEST_MAX_BYTES", str(2 * 1024 * 1024)))
# URL names of views that take a file (e.g. an import), each with its own limit in bytes.
# A view can also be allowed more with core.middleware.allow_upload(bytes).
UPLOAD_LIMITS_BY_URL_NAME: dict[str, int] = {
    # The import takes a CSV or XLSX of up to 10 MB (exchange.reading.MAX_FILE_BYTES),
    # plus the multipart framing and the form's other fields.
    "exchange:import_start": 11 * 1024 * 1024,
}

# The last PDF of each paper, by a hash of its HTML (papers/cache.py), shared by every app
# server through the database; and a cap on the PDFs made at once (see docs/papers.md).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "papers": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "papers_pdf_cache",
        "TIMEOUT": int(os.environ.get("PAPERS_CACHE_SECONDS", str(7 * 24 * 3600))),
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAPERS_CACHE_MAX_ENTRIES", "500"))},
    },
}
PAPERS_MAX_CONCURRENT_RENDERS = int(os.environ.get("PAPERS_MAX_CONCURRENT_RENDERS", "2"))
PAPERS_RENDER_QUEUE_SECONDS = float(os.environ.get("PAPERS_RENDER_QUEUE_SECONDS", "10"))
PAPERS_RENDER_MEMORY_MB = int(os.environ.get("PAPERS_RENDER_MEMORY_MB", "512"))

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- The service's own tunables: each declared here once, and read as settings.NAME ---
# The council's name and logo, bank-holiday region, response period and reminder lead
# times are council settings kept in the database: read them with
# council.selectors.council_settings() (issue 15).
RECOMMENDATIONS_PER_PAGE = 25
# The longest a PDF may take before the request gets an error page (None: no limit).
PAPERS_RENDER_TIMEOUT_SECONDS = float(os.environ.get("PAPERS_RENDER_TIMEOUT_SECONDS", "60"))
# The same for a paper made by the task worker (a large one).
PAPERS_BACKGROUND_RENDER_TIMEOUT_SECONDS = float(
    os.environ.get("PAPERS_BACKGROUND_RENDER_TIMEOUT_SECONDS", "600")
)
# Links in emails and calendar events start with SITE_URL.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every step at INFO; only its warnings matter.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
