"""One trap daemon for the fidelity suite, and each real server once per session."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.e2e.daemon import Daemon, free_port
from tests.fidelity import harness
from tests.fidelity.test_dns import named
from tests.fidelity.test_dns import persona as dns_persona
from tests.fidelity.test_http import TRAP_HOSTNAME
from tests.fidelity.test_snmp import persona as snmp_persona
from tests.fidelity.test_telnet import TELNET_USER
from tests.fidelity.test_webapps import TITLE as WEBAPPS_TITLE

WEBAPPS = f'title = "{WEBAPPS_TITLE}"\n'  # the real WordPress's title (test_webapps.py)

# Each trap's persona keys beyond its defaults: what makes it claim the real server's setup.
# Names are set wherever a real server's are diffed: the defaults are each node's own.
PERSONAS: dict[str, str] = {
    "redis": "",
    # The default persona (dropbear-2022.83), diffed against Debian's dropbear (test_ssh.py).
    "ssh": "",
    "ftp": f'credentials = ["{":".join(harness.FTP_USER)}"]\n',
    "smtp": f'hostname = "{harness.SMTP_HOSTNAME}"\n',
    # Debian's telnetd and login as installed (test_telnet.py); host names are normalised.
    "telnet": f'credentials = ["{":".join(TELNET_USER)}"]\n',
    # The default persona (Debian 12's MariaDB), with the real server's one account.
    "mysql": f'credentials = ["{":".join(harness.MYSQL_USER)}"]\n',
    # Debian's default site (the persona's default), and WordPress for a site with directories.
    "http": f'hostname = "{TRAP_HOSTNAME}"\n',
    "tls": f'hostname = "{TRAP_HOSTNAME}"\n',
    "wordpress": f'site = "wordpress"\nhostname = "{TRAP_HOSTNAME}"\n{WEBAPPS}',
    # Debian's default site with phpMyAdmin (test_webapps.py).
    "phpmyadmin": f'site = "phpmyadmin"\nhostname = "{TRAP_HOSTNAME}"\n{WEBAPPS}',
    # named's zone (test_dns.PERSONA); the probes come fast from one address, so the rates
    # are raised.
    "dns": f'hostname = "{socket.gethostname()}"\n{dns_persona()}'
    "max_per_source = 1000\nreply_burst = 1000000\n",
    # This host's sysDescr, sysName and kernel command line, as snmpd here says them.
    "snmp": snmp_persona(),
    # The default persona (kamailio-5.6.3), diffed against Debian's kamailio (test_sip.py);
    # the probes come fast from one address, so the rates are raised.
    "sip": "max_per_source = 1000\nreply_burst = 1000000\n",
}

# Traps whose type is not their name (a second persona of one type).
TYPES: dict[str, str] = {"wordpress": "http", "phpmyadmin": "http"}


@pytest.fixture(scope="session")
def trap_ports() -> dict[str, int]:
    """A port per trap, all different: free_port() may hand out a port it gave before (it is
    free again), and a trap on UDP and TCP (sip) would then share one with a TCP trap."""
    ports: dict[str, int] = {}
    for name in PERSONAS:
        port = free_port()
        while port in ports.values():
            port = free_port()
        ports[name] = port
    return ports


@pytest.fixture(scope="session")
def traps(tmp_path_factory: pytest.TempPathFactory, trap_ports: dict[str, int]) -> Iterator[Daemon]:
    text = "".join(
        f'\n[[traps]]\nname = "{name}"\ntype = "{TYPES.get(name, name)}"\n'
        f'ports = [{port}]\nbind = ["127.0.0.1"]\n' + PERSONAS[name]
        for name, port in trap_ports.items()
    )
    yield from harness.trap_daemon(tmp_path_factory.mktemp("fidelity-traps"), text)


@pytest.fixture(scope="session")
def real_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.RealServer]:
    server = harness.redis_server(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_vsftpd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.RealServer]:
    server = harness.vsftpd(tmp_path_factory.mktemp("vsftpd"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_postfix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.RealServer]:
    server = harness.postfix(tmp_path_factory.mktemp("postfix"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_mariadb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.RealServer]:
    server = harness.mariadb(tmp_path_factory.mktemp("mariadb"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_named(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.RealServer]:
    server = named(tmp_path_factory.mktemp("named"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_apache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.Apache]:
    server = harness.apache(tmp_path_factory.mktemp("apache"))
    yield server
    server.stop()
