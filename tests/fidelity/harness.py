"""The differential fidelity harness: a real Debian server and the trap that claims to be it.

Each real server is started by hand from Debian's package on a free loopback port with a minimal
configuration written by the test; the traps run in one real ``twistd -n honeymesh`` daemon.
``Probe`` sends the same bytes to both over real sockets, and ``diff`` compares the answers after
named normalisation rules (per-host values only: dates, ids, process ids, ports), so a failure
shows a readable unified diff and the rule that touched each value is in the test itself.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from honeymesh.detection.traps.pam import fail_delay
from tests.e2e.daemon import Daemon, free_port, wait_for
from tests.nodes import make_node


@dataclass(frozen=True)
class Rule:
    """A named normalisation of one per-host value: ``pattern`` becomes ``replacement``."""

    name: str
    pattern: str
    replacement: str

    def apply(self, text: str) -> str:
        return re.sub(self.pattern, self.replacement, text, flags=re.MULTILINE)


def normalise(text: str, rules: Sequence[Rule]) -> str:
    for rule in rules:
        text = rule.apply(text)
    return text


def diff(probe: str, real: bytes, trap: bytes, rules: Sequence[Rule] = ()) -> None:
    """Fail with a unified diff if the two answers differ after the rules."""
    a = normalise(real.decode("latin-1"), rules).splitlines(keepends=True)
    b = normalise(trap.decode("latin-1"), rules).splitlines(keepends=True)
    if a != b:
        lines = difflib.unified_diff(a, b, "real", "trap", lineterm="")
        shown = "".join(repr(ln)[1:-1] + "\n" for ln in lines)
        raise AssertionError(f"probe {probe!r}: the trap differs from the real server\n{shown}")


Complete = Callable[[bytes], bool]


def ftp_reply_done(got: bytes) -> bool:
    """An FTP/SMTP reply is complete at a final line: three digits, a space, text, CRLF."""
    return re.search(rb"(?:^|\n)\d{3} [^\n]*\r\n$", got) is not None


def libpam_pause(
    took: float, seconds: Iterable[float], requested: float, after: float = 0.0
) -> bool:
    """Whether ``took`` is libpam's pause after a failed login (``pam.fail_delay``) begun in one
    of ``seconds`` (a client knows the second only to about one), plus ``after`` (a server's own
    sleep behind it), give or take the time to answer: 0.05 s early (clocks) to 0.25 s late."""
    return any(-0.05 <= took - fail_delay(s, requested) - after <= 0.25 for s in seconds)


def arrivals(sock: socket.socket, lines: int, limit: float = 15.0) -> list[tuple[float, bytes]]:
    """The next ``lines`` lines the peer sends (CR LF ended), each with the time it came."""
    got: list[tuple[float, bytes]] = []
    buffer = b""
    deadline = time.monotonic() + limit
    while len(got) < lines and time.monotonic() < deadline:
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        came = time.time()
        if not chunk:
            break
        buffer += chunk
        while b"\r\n" in buffer:
            line, buffer = buffer.split(b"\r\n", 1)
            got.append((came, line))
    return got


class Conversation:
    """One TCP connection; ``send`` returns the answer: until ``complete`` says it is whole, or
    (without one) until the peer has gone quiet after its first bytes."""

    def __init__(
        self, port: int, quiet: float = 0.15, first: float = 3.0, complete: Complete | None = None
    ) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=first)
        self.quiet = quiet
        self.first = first
        self.complete = complete

    def read(self, first: float | None = None) -> bytes:
        got = bytearray()
        deadline = time.monotonic() + (first if first is not None else self.first)
        while time.monotonic() < deadline:
            if got and self.complete is not None and self.complete(bytes(got)):
                break
            self.sock.settimeout(self.quiet if got else max(deadline - time.monotonic(), 0.01))
            try:
                chunk = self.sock.recv(65536)
            except TimeoutError:
                if got and self.complete is None:
                    break
                continue
            except OSError:
                break
            if not chunk:
                break
            got += chunk
        return bytes(got)

    def send(self, data: bytes, first: float | None = None) -> bytes:
        try:
            self.sock.sendall(data)
        except OSError:
            return b""
        return self.read(first)

    def starttls(self) -> bytes:
        """Take the connection into TLS (after the server said 220 to STARTTLS), as a mail
        client does: no certificate check. Returns what to compare of the session: protocol,
        and the certificate's shape (key, signature, extensions), not its per-host values."""
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        self.sock = context.wrap_socket(self.sock)
        der = self.sock.getpeercert(binary_form=True)
        assert der is not None
        return f"[TLS {self.sock.version()}; certificate {cert_shape(der)}]\r\n".encode()

    def close(self) -> None:
        self.sock.close()


def cert_shape(der: bytes) -> str:
    """What a scanner compares of a certificate beyond its names and dates: version, key type
    and size, signature algorithm, validity length, the subject's and issuer's attribute types,
    whether it is self-issued, and each extension with its criticality."""
    cert = x509.load_der_x509_certificate(der)
    key = cert.public_key()
    size = getattr(key, "key_size", "?")
    days = (cert.not_valid_after_utc - cert.not_valid_before_utc).days
    extensions = ", ".join(
        f"{e.oid._name}{' critical' if e.critical else ''}" for e in cert.extensions
    )
    attrs = ",".join(a.oid._name for a in cert.subject)
    return (
        f"v{cert.version.value + 1} {type(key).__name__.lstrip('_')} {size} "
        f"{cert.signature_algorithm_oid._name} {days} days subject {attrs} "
        f"self-issued {cert.subject == cert.issuer} [{extensions}]"
    )


@dataclass
class RealServer:
    name: str
    port: int
    proc: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def start(
    name: str,
    argv: list[str],
    port: int,
    where: Path,
    env: dict[str, str] | None = None,
    session: bool = False,
) -> RealServer:
    """``session``: in a session of its own, for a server that signals its whole process
    group when it stops (apache2 with mpm_prefork does: it would take the test run along)."""
    log = where / f"{name}.log"
    proc = subprocess.Popen(
        argv,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        cwd=where,
        env=env,
        start_new_session=session,
    )
    server = RealServer(name, port, proc, log)
    try:
        wait_for(lambda: listening(port) or proc.poll() is not None, timeout=30)
    except AssertionError:
        server.stop()
        raise
    assert proc.poll() is None, f"{name} did not start: {log.read_text()}"
    return server


#: Where the real Redis must differ from the trap's persona (Debian's redis.conf, exposed): a
#: loopback port and its own pid and log files (the values CONFIG GET shows are normalised).
REDIS_HOST_CONFIGS = frozenset({"bind", "port", "pidfile", "logfile"})


def redis_server(where: Path) -> RealServer:
    """Debian's /etc/redis/redis.conf as its systemd unit runs it (supervised by systemd, not
    daemonized), exposed as the trap's persona is (protected mode off), on one loopback port,
    in Debian's data directory, as the trap's CONFIG GET dir says."""
    port = free_port()
    text = Path("/etc/redis/redis.conf").read_text()
    changes = {
        "bind": "127.0.0.1",
        "protected-mode": "no",
        "daemonize": "no",
        "port": str(port),
        "pidfile": str(where / "redis.pid"),
        "logfile": str(where / "redis-server.log"),
        "dir": "/var/lib/redis",
    }
    for key, value in changes.items():
        text, n = re.subn(rf"^{key} .*$", f"{key} {value}", text, count=1, flags=re.MULTILINE)
        assert n == 1, f"Debian's redis.conf has no {key} line"
    conf = where / "redis.conf"
    conf.write_text(text)
    argv = ["/usr/bin/redis-server", str(conf), "--supervised", "systemd"]
    return start("redis", argv, port, where)


FTP_USER = ("fidelity", "fidelity")  # a local account vsftpd accepts; the trap's credential


def ensure_ftp_user() -> None:
    """A local user that PAM lets into vsftpd (a shell from /etc/shells), with a home made as
    ``useradd -m`` makes one (/etc/skel's files), as the trap's fake machine has it."""
    user, password = FTP_USER
    home = Path("/home") / user
    if subprocess.run(["id", user], capture_output=True, check=False).returncode != 0:
        subprocess.run(["useradd", "-M", "-d", str(home), "-s", "/bin/sh", user], check=True)
    else:  # an account an earlier harness made with home / (never usermod -m: that moves /)
        subprocess.run(["usermod", "-d", str(home), user], check=True)
    if not home.is_dir():
        home.mkdir(mode=0o755)
        for skel in Path("/etc/skel").iterdir():
            if skel.is_file():
                shutil.copy2(skel, home / skel.name)
        for path in (home, *home.iterdir()):
            shutil.chown(path, user, user)
    subprocess.run(["chpasswd"], input=f"{user}:{password}\n".encode(), check=True)


def vsftpd(where: Path) -> RealServer:
    """Debian's own /etc/vsftpd.conf, made to listen standalone on one loopback port."""
    ensure_ftp_user()
    port = free_port()
    Path("/var/run/vsftpd/empty").mkdir(parents=True, exist_ok=True)
    shipped = Path("/etc/vsftpd.conf").read_text().splitlines()
    kept = [ln for ln in shipped if not ln.startswith(("listen", "xferlog_enable"))]
    conf = where / "vsftpd.conf"
    conf.write_text(
        "\n".join(kept)
        + f"\nlisten=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port={port}\n"
        f"background=NO\nxferlog_enable=NO\nvsftpd_log_file={where / 'vsftpd.xfer'}\n"
    )
    return start("vsftpd", ["/usr/sbin/vsftpd", str(conf)], port, where)


def trap_daemon(where: Path, traps: str) -> Iterator[Daemon]:
    node = make_node(where / "var", api_port=free_port(), trap_ports=(free_port(),), extra=traps)
    d = Daemon(node, where)
    try:
        d.wait_ready()
        yield d
    finally:
        if d.proc.poll() is None:
            d.stop()


SMTP_HOSTNAME = "mail.example.net"  # the SMTP persona's hostname (set: conftest.PERSONAS)


def snakeoil(where: Path) -> Path:
    """A certificate made by Debian's own make-ssl-cert over its own template, as ssl-cert's
    postinst makes the snakeoil certificate (key and certificate in one file)."""
    out = where / "snakeoil.pem"
    if not out.exists():
        subprocess.run(
            ["make-ssl-cert", "/usr/share/ssl-cert/ssleay.cnf", str(out)],
            capture_output=True, check=True, timeout=60, env={"DEBIAN_FRONTEND": "noninteractive",
            "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
        )  # fmt: skip
    return out


def postfix(where: Path) -> RealServer:
    """Debian's main.cf and master.cf, smtpd on one loopback port, Cyrus SASL (PLAIN, LOGIN)
    over an empty sasldb so every AUTH fails as the trap's does, loopback not a trusted
    network (the prober is an outsider, so relaying is refused). TLS as the package sets it up
    when ssl-cert has made its snakeoil certificate (the postinst appends main.cf.tls): STARTTLS
    with a certificate that make-ssl-cert made."""
    port = free_port()
    conf = where / "postfix"
    sasl = conf / "sasl"
    sasl.mkdir(parents=True)
    master = Path("/etc/postfix/master.cf").read_text()
    smtp = re.compile(r"^smtp +inet +n +- +y +- +- +smtpd$", re.MULTILINE)
    assert smtp.search(master), "Debian's master.cf has no smtp inet line"
    master = smtp.sub(f"127.0.0.1:{port} inet n - n - - smtpd", master)
    (conf / "master.cf").write_text(master)
    (sasl / "smtpd.conf").write_text(
        "pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\n"
        "sasldb_path: /etc/sasldb2\n"  # Debian's place; none exists, so no login succeeds
    )
    main = [
        ln
        for ln in Path("/etc/postfix/main.cf").read_text().splitlines()
        if not ln.startswith(("myhostname", "mynetworks", "inet_interfaces"))
    ]
    main += [
        f"myhostname = {SMTP_HOSTNAME}",
        "mynetworks = 192.0.2.1/32",
        "inet_interfaces = loopback-only",
        "smtpd_sasl_auth_enable = yes",
        "smtpd_sasl_type = cyrus",
        f"cyrus_sasl_config_path = {sasl}",
        "broken_sasl_auth_clients = yes",
        "maillog_file = /dev/stdout",
        "local_transport = discard",  # a test message is delivered nowhere
    ]
    cert = snakeoil(where)
    tls = Path("/usr/share/postfix/main.cf.tls").read_text()
    tls = tls.replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", str(cert))
    tls = tls.replace("/etc/ssl/private/ssl-cert-snakeoil.key", str(cert))
    (conf / "main.cf").write_text("\n".join(main) + "\n" + tls)
    argv = ["/usr/lib/postfix/sbin/master", "-c", str(conf), "-d"]
    return start("postfix", argv, port, where)


MYSQL_USER = ("app", "fidelity-Secret-1")  # a real account; the trap's configured login
MARIADB_VERSION = "5.5.5-10.11.19-MariaDB-0+deb12u1"  # what Debian 12's mariadbd greets with


def mariadb(where: Path) -> RealServer:
    """Debian's /etc/mysql configuration over a fresh data directory (mariadb-install-db: root
    by unix_socket, as the package sets it up), on one loopback port, names not resolved (so
    errors name the client's address, as for a remote attacker)."""
    port = free_port()
    data = where / "data"
    subprocess.run(
        ["mariadb-install-db", "--defaults-file=/etc/mysql/my.cnf", f"--datadir={data}",
         "--user=root", "--skip-test-db"],
        capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    argv = [
        "/usr/sbin/mariadbd", "--defaults-file=/etc/mysql/my.cnf", f"--datadir={data}",
        "--user=root", f"--port={port}", "--bind-address=127.0.0.1",
        f"--socket={where / 'mysqld.sock'}", f"--pid-file={where / 'mysqld.pid'}",
        f"--log-error={where / 'error.log'}", "--skip-name-resolve", "--skip-log-bin",
    ]  # fmt: skip
    server = start("mariadb", argv, port, where)
    # An account any host may use, as on a server that is reachable at all (without one,
    # MariaDB refuses a remote client before the greeting: "Host ... is not allowed").
    user, password = MYSQL_USER
    sql = f"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'"
    socket_path = str(where / "mysqld.sock")
    argv = ["mariadb", "--no-defaults", "-S", socket_path, "-uroot", "-e", sql]
    subprocess.run(argv, capture_output=True, check=True, timeout=30)
    return server


def apache_env(where: Path) -> dict[str, str]:
    """The environment /etc/apache2/envvars gives apache2, its run, lock and log directories
    in ``where`` (the configuration is the copy in ``where / "conf"``)."""
    run = where / "run"
    (run / "lock").mkdir(parents=True)
    return {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C",
        "APACHE_CONFDIR": str(where / "conf"),
        "APACHE_RUN_USER": "www-data",
        "APACHE_RUN_GROUP": "www-data",
        "APACHE_PID_FILE": str(run / "apache2.pid"),
        "APACHE_RUN_DIR": str(run),
        "APACHE_LOCK_DIR": str(run / "lock"),
        "APACHE_LOG_DIR": str(run),
    }


def _enable(conf: Path, *names: str) -> None:
    for name in names:
        link = conf / "mods-enabled" / name
        if not link.is_symlink():
            link.symlink_to(f"../mods-available/{name}")


def without_php(conf: Path) -> None:
    """A copy of /etc/apache2 as apache2 alone installs it: libapache2-mod-php (installed for
    test_webapps.py) switched it to mpm_prefork and enabled php8.2; this undoes both."""
    for name in ("php8.2.load", "php8.2.conf", "mpm_prefork.load", "mpm_prefork.conf"):
        (conf / "mods-enabled" / name).unlink(missing_ok=True)
    _enable(conf, "mpm_event.load", "mpm_event.conf")


APACHE_REALM = "Restricted"  # the realm of the Basic-auth directory both sides protect


def apache(where: Path) -> Apache:
    """Debian's /etc/apache2 as the package installs it (default site, security.conf with
    ``TraceEnable Off``, ``ServerTokens OS``, status, alias, autoindex, deflate, ...) copied,
    with HTTPS turned on as an admin does (``a2enmod ssl``, ``a2ensite default-ssl``), made to
    listen on two loopback ports, started by hand as /etc/apache2/envvars would (run, lock and
    log directories in ``where``). The document root is a copy of the package's
    /var/www/html (its index.html, mtime kept) plus what the personas add: an ``admin/``
    directory behind Basic auth that no login opens (an empty user file), and WordPress's
    top-level directories (for the trailing-slash redirect)."""
    port = free_port()
    conf = where / "conf"
    shutil.copytree("/etc/apache2", conf, symlinks=True)
    without_php(conf)
    tls_port = free_port()
    ports = [ln for ln in (conf / "ports.conf").read_text().splitlines() if "Listen" not in ln]
    (conf / "ports.conf").write_text(
        "\n".join(ports) + f"\nListen 127.0.0.1:{port}\nListen 127.0.0.1:{tls_port}\n"
    )
    # a2enmod ssl, a2ensite default-ssl: as an admin turns HTTPS on, with a certificate
    # made by Debian's make-ssl-cert (the snakeoil the site names).
    for name in ("ssl.load", "ssl.conf", "socache_shmcb.load"):
        (conf / "mods-enabled" / name).symlink_to(f"../mods-available/{name}")
    cert = snakeoil(where)
    ssl_site = (conf / "sites-available" / "default-ssl.conf").read_text()
    ssl_site = ssl_site.replace("<VirtualHost *:443>", f"<VirtualHost *:{tls_port}>")
    ssl_site = ssl_site.replace("/etc/ssl/certs/ssl-cert-snakeoil.pem", str(cert))
    ssl_site = ssl_site.replace("/etc/ssl/private/ssl-cert-snakeoil.key", str(cert))
    # The children run as www-data, who cannot enter pytest's 0700 temporary directories.
    public = Path(tempfile.mkdtemp(prefix="fidelity-apache-"))
    public.chmod(0o755)
    www = public / "www"
    shutil.copytree("/var/www/html", www)
    for name in ("admin", "wp-admin", "wp-content", "wp-includes"):
        (www / name).mkdir()
    (public / "htpasswd").write_text("")
    site = conf / "sites-available" / "000-default.conf"
    text = site.read_text().replace("<VirtualHost *:80>", f"<VirtualHost *:{port}>")
    text = text.replace("/var/www/html", str(www))
    site.write_text(text)
    (conf / "sites-enabled" / "default-ssl.conf").write_text(
        ssl_site.replace("/var/www/html", str(www))
    )
    (conf / "conf-enabled" / "fidelity.conf").write_text(
        # Debian's apache2.conf grants /var/www/; the copy gets the same.
        f"<Directory {www}/>\n\tOptions Indexes FollowSymLinks\n\tAllowOverride None\n"
        "\tRequire all granted\n</Directory>\n"
        f'<Directory {www}/admin>\n\tAuthType Basic\n\tAuthName "{APACHE_REALM}"\n'
        f"\tAuthUserFile {public / 'htpasswd'}\n\tRequire valid-user\n</Directory>\n"
    )
    argv = ["/usr/sbin/apache2", "-d", str(conf), "-DFOREGROUND"]
    try:
        server = start("apache2", argv, port, where, env=apache_env(where))
    except BaseException:
        shutil.rmtree(public, ignore_errors=True)
        raise
    wait_for(lambda: listening(tls_port), timeout=30)
    return Apache(server.name, server.port, server.proc, server.log, public, tls_port)


@dataclass
class Apache(RealServer):
    public: Path  # the document root's parent, outside pytest's private directories
    tls_port: int  # default-ssl

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self.public, ignore_errors=True)


WP_PASSWORD = "fidelity-Admin-Secret-1"  # the real site's administrator's
#: What WordPress's installer sets when the loopback test of rewrites succeeds ("Day and
#: name"), and what an admin picks in Settings > Permalinks on a real site.
WP_PERMALINKS = "/%year%/%monthnum%/%day%/%postname%/"


@dataclass
class WebApps:
    """Debian's WordPress and phpMyAdmin under one apache2 with mod_php, over one MariaDB."""

    wordpress: int  # the port of WordPress's virtual host (WordPress at the document root)
    phpmyadmin: int  # the default site's virtual host, with phpMyAdmin's Alias
    apache: RealServer
    db: RealServer
    public: Path
    cleanup: tuple[Path, ...]  # the files written into /etc/wordpress and /etc/phpmyadmin

    def stop(self) -> None:
        self.apache.stop()
        self.db.stop()
        for path in self.cleanup:
            path.unlink(missing_ok=True)
        shutil.rmtree(self.public, ignore_errors=True)


def _sql(socket_path: Path, sql: str, database: str = "") -> str:
    argv = ["mariadb", "--no-defaults", "-S", str(socket_path), "-uroot", "-N", "-e", sql]
    argv += [database] if database else []
    return subprocess.run(argv, capture_output=True, check=True, timeout=30, text=True).stdout


def _wordpress_conf(www: Path, port: int, pma_port: int, config: str) -> str:
    """Two virtual hosts: WordPress as README.Debian's "defined Virtual host" (document root
    /usr/share/wordpress, the wp-content Alias) with /etc/wordpress/htaccess's single-blog
    rewrite rules in force (what its comment asks for pretty permalinks), and Debian's
    default site with phpMyAdmin's /etc/phpmyadmin/apache.conf."""
    return f"""<VirtualHost *:{port}>
\tDocumentRoot /usr/share/wordpress/
\tDirectoryIndex index.php index.html
\tSetEnv WORDPRESS_CONFIG {config}
\tAlias /wp-content /var/lib/wordpress/wp-content
\t<Directory /usr/share/wordpress>
\t\tOptions FollowSymLinks
\t\tRequire all granted
\t\tRewriteEngine On
\t\tRewriteBase /
\t\tRewriteCond %{{REQUEST_FILENAME}} !-f
\t\tRewriteCond %{{REQUEST_FILENAME}} !-d
\t\tRewriteRule . /index.php [L]
\t</Directory>
\t<Directory /var/lib/wordpress/wp-content>
\t\tOptions FollowSymLinks
\t\tRequire all granted
\t</Directory>
</VirtualHost>
<VirtualHost *:{pma_port}>
\tDocumentRoot {www}
\tInclude /etc/phpmyadmin/apache.conf
</VirtualHost>
<Directory {www}/>
\tOptions Indexes FollowSymLinks
\tAllowOverride None
\tRequire all granted
</Directory>
"""


def webapps(where: Path, hostname: str, title: str, admin: str) -> WebApps:
    """Debian's wordpress and phpmyadmin packages as an admin sets them up: apache2 with
    mod_php (as libapache2-mod-php leaves /etc/apache2: mpm_prefork, php8.2) and mod_rewrite,
    a MariaDB reached by its socket as ``localhost``, WordPress configured the Debian way
    (/etc/wordpress/config-NAME.php, chosen with SetEnv WORDPRESS_CONFIG; README.Debian) and
    installed through its installer's form (site URL ``http://hostname``, administrator
    ``admin``); phpMyAdmin's server set by a file in /etc/phpmyadmin/conf.d (dbconfig-common
    declined)."""
    public = Path(tempfile.mkdtemp(prefix="fidelity-webapps-"))
    public.chmod(0o755)  # www-data reaches the database's socket and the document root here
    cleanup: list[Path] = []
    db: RealServer | None = None
    try:
        (public / "db").mkdir()
        db = mariadb(public / "db")
        sock = public / "db" / "mysqld.sock"
        db_password = "fidelity-Wp-Secret-1"
        _sql(
            sock,
            "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY "
            f"'{db_password}'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost'",
        )
        port, pma_port = free_port(), free_port()
        name = f"fidelity-{port}"
        config = Path("/usr/share/doc/wordpress/examples/config-default.php").read_text()
        for key, value in (
            ("database_name_here", "wordpress"),
            ("username_here", "wordpress"),
            ("password_here", db_password),
            ("'localhost'", f"'localhost:{sock}'"),
        ):
            config = config.replace(key, value)
        config = re.sub(r"put your unique phrase here", lambda _: os.urandom(24).hex(), config)
        wp_config = Path(f"/etc/wordpress/config-{name}.php")
        cleanup.append(wp_config)
        wp_config.write_text(config)
        pma_config = Path(f"/etc/phpmyadmin/conf.d/{name}.php")
        cleanup.append(pma_config)
        pma_config.write_text(
            f"<?php\nif (($_SERVER['SERVER_PORT'] ?? '') === '{pma_port}') {{\n"
            f"    $cfg['Servers'][1]['socket'] = '{sock}';\n}}\n"
        )
        site = where / "conf"
        shutil.copytree("/etc/apache2", site, symlinks=True)
        _enable(site, "mpm_prefork.load", "mpm_prefork.conf", "php8.2.load", "php8.2.conf")
        for mpm in ("mpm_event.load", "mpm_event.conf"):
            (site / "mods-enabled" / mpm).unlink(missing_ok=True)
        _enable(site, "rewrite.load")
        ports = [ln for ln in (site / "ports.conf").read_text().splitlines() if "Listen" not in ln]
        (site / "ports.conf").write_text(
            "\n".join(ports) + f"\nListen 127.0.0.1:{port}\nListen 127.0.0.1:{pma_port}\n"
        )
        for enabled in (site / "sites-enabled").iterdir():
            enabled.unlink()
        www = public / "www"
        shutil.copytree("/var/www/html", www)
        (site / "sites-enabled" / "fidelity.conf").write_text(
            _wordpress_conf(www, port, pma_port, name)
        )
        argv = ["/usr/sbin/apache2", "-d", str(site), "-DFOREGROUND"]
        apache2 = start("apache2", argv, port, where, env=apache_env(where), session=True)
    except BaseException:
        if db is not None:
            db.stop()
        for path in cleanup:
            path.unlink(missing_ok=True)
        shutil.rmtree(public, ignore_errors=True)
        raise
    apps = WebApps(port, pma_port, apache2, db, public, tuple(cleanup))
    try:
        install_wordpress(port, hostname, title, admin)
        # Settings > Permalinks, as the installer itself sets them where its loopback request
        # can reach the site (here the site's name resolves nowhere); WordPress rebuilds its
        # rewrite rules on the next request.
        _sql(
            sock,
            f"UPDATE wp_options SET option_value = '{WP_PERMALINKS}' WHERE option_name = "
            "'permalink_structure'; DELETE FROM wp_options WHERE option_name = 'rewrite_rules'",
            "wordpress",
        )
    except BaseException:
        apps.stop()
        raise
    return apps


def install_wordpress(port: int, hostname: str, title: str, user: str) -> None:
    """WordPress's five-minute install, as an admin's browser does it: the installer's form
    (wp-admin/install.php?step=2) posted once, to the site's own name."""
    password = WP_PASSWORD
    form = urllib.parse.urlencode({
        "weblog_title": title, "user_name": user, "admin_password": password,
        "admin_password2": password, "pw_weak": "on", "admin_email": f"{user}@{hostname}",
        "blog_public": "1", "Submit": "Install WordPress", "language": "",
    }).encode()  # fmt: skip
    head = (
        f"POST /wp-admin/install.php?step=2 HTTP/1.1\r\nHost: {hostname}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(form)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        s.sendall(head + form)
        answer = bytearray()
        while chunk := s.recv(65536):
            answer += chunk
    assert b"Success!" in answer, answer[:2000]
