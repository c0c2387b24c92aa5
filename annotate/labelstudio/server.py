"""A local Label Studio server: SQLite in a folder the user names, bound to 127.0.0.1.

The server is the ``label-studio`` package, usually in its own virtualenv (``.venv-ls``;
its pins clash with the training stack), run as a child process. Its user, password, API
token and Django secret are made once and kept in ``DATA/econer-ls.json``: Label Studio
reads them from the environment on the first start only (when it migrates the new
database), and later starts of the same folder reuse them. Telemetry and update checks are
off, and every file it writes stays inside the data folder.

>>> creds = Credentials("ann@localhost", "pw", "0" * 40, "secret")
>>> env = server_env(Path("/data"), creds, {"HOME": "/root", "PORT": "80", "PATH": "/bin"})
>>> env["LABEL_STUDIO_USER_TOKEN"], env["SENTRY_DSN"], env["XDG_CONFIG_HOME"], "PORT" in env
('0000000000000000000000000000000000000000', '', '/data/home/.config', False)
>>> env["ML_BLOCK_LOCAL_IP"]  # lets it call a backend on 127.0.0.1 (econer ls backend)
'false'
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from econer.errors import EconerError
from econer.jsonl import write_text

CREDENTIALS_FILE = "econer-ls.json"
LOG_FILE = "econer-ls.log"
_CHECKOUT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Credentials:
    username: str  # an email: Label Studio logs in by email
    password: str
    token: str  # a legacy API token (Authorization: Token ...), 40 hex digits
    secret_key: str  # Django's, kept so browser sessions survive a restart


def find_label_studio(explicit: str | Path | None = None) -> Path:
    """The ``label-studio`` executable: ``explicit``, ``$ECONER_LABEL_STUDIO``, the checkout's
    ``.venv-ls``, then ``PATH``."""
    candidates: list[tuple[str, str | Path]] = []
    if explicit:
        candidates.append(("--label-studio", explicit))
    if os.environ.get("ECONER_LABEL_STUDIO"):
        candidates.append(("$ECONER_LABEL_STUDIO", os.environ["ECONER_LABEL_STUDIO"]))
    for origin, candidate in candidates:
        path = Path(candidate).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return path.resolve()
        raise EconerError(f"{origin} names {candidate}, which is not an executable "
                          "label-studio; run `make setup-ls` to install one in .venv-ls")
    beside = _CHECKOUT / ".venv-ls" / "bin" / "label-studio"
    if beside.is_file():
        return beside
    found = shutil.which("label-studio")
    if found:
        return Path(found)
    raise EconerError("label-studio is not installed: run `make setup-ls` (it installs the "
                      "server in .venv-ls), or pass --label-studio PATH")


def load_credentials(data_dir: Path, username: str = "annotator@localhost") -> Credentials:
    """The data folder's credentials, made (and saved) on first use."""
    path = data_dir / CREDENTIALS_FILE
    if path.is_file():
        try:
            return Credentials(**json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            raise EconerError(f"unreadable credentials: {exc}", path=path) from None
    creds = Credentials(username, secrets.token_urlsafe(12), secrets.token_hex(20),
                        secrets.token_urlsafe(40))
    data_dir.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(asdict(creds), indent=2) + "\n")
    path.chmod(0o600)
    return creds


def server_env(data_dir: Path, creds: Credentials, base: dict[str, str]) -> dict[str, str]:
    """The environment of the server process (pure: ``base`` is the caller's)."""
    home = data_dir / "home"
    # Label Studio also reads the unprefixed USERNAME, PORT and HOST; keep the caller's out.
    env = {k: v for k, v in base.items() if k not in {"USERNAME", "PORT", "HOST"}}
    env.update({
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
        "LABEL_STUDIO_USERNAME": creds.username,
        "LABEL_STUDIO_PASSWORD": creds.password,
        "LABEL_STUDIO_USER_TOKEN": creds.token,
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
        "SECRET_KEY": creds.secret_key,
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
        "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
        "PYTHONUNBUFFERED": "1",
        # An econer ML backend (`econer ls backend`) listens on 127.0.0.1 like the server:
        # let the server call it, and deliver its training webhook there. Both bind to
        # loopback only, so no other machine can use the server to reach local addresses.
        "ML_BLOCK_LOCAL_IP": "false",
        "SSRF_PROTECTION_ENABLED": "false",
    })
    return env


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def log_tail(path: Path, lines: int = 15) -> str:
    if not path.is_file():
        return "(no log)"
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(text[-lines:])


class LocalServer:
    """One Label Studio process over ``data_dir``; a context manager that stops it on exit."""

    def __init__(self, data_dir: str | Path, port: int | None = None,
                 executable: str | Path | None = None, username: str = "annotator@localhost"):
        self.data_dir = Path(data_dir).resolve()
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise EconerError("is a file; the data folder must be a folder", path=data_dir)
        self.port = port or free_port()
        self.executable = find_label_studio(executable)
        self.creds = load_credentials(self.data_dir, username)
        self.log_path = self.data_dir / LOG_FILE
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return self.creds.token

    def start(self, timeout: float = 600.0) -> LocalServer:
        """Start the server and wait until it answers with the token (first start: migrations)."""
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                raise EconerError(f"port {self.port} on 127.0.0.1 is already in use")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [str(self.executable), "start", "--no-browser", "--internal-host", "127.0.0.1",
                   "--port", str(self.port), "--data-dir", str(self.data_dir)]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env=server_env(self.data_dir, self.creds, dict(os.environ)),
                cwd=self.data_dir, start_new_session=True)
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise EconerError(f"Label Studio exited with code {self.process.returncode} "
                                  f"while starting; log {self.log_path}:\n"
                                  f"{log_tail(self.log_path)}")
            if self.answers():
                return
            time.sleep(0.5)
        self.stop()
        raise EconerError(f"Label Studio did not answer on {self.url} within {timeout:.0f} s; "
                          f"log {self.log_path}:\n{log_tail(self.log_path)}")

    def answers(self) -> bool:
        """Whether the server is up and accepts the token."""
        request = urllib.request.Request(f"{self.url}/api/current-user/whoami",
                                         headers={"Authorization": f"Token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self, timeout: float = 20.0) -> None:
        """Stop the server (and the process group it started)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 9)
            process.wait()

    def __enter__(self) -> LocalServer:
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()
