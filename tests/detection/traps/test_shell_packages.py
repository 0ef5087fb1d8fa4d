"""The fake shell's package and service managers answer as a Debian 12 box with Dropbear does,
and agree with the rest of the machine: every program it answers belongs to an installed
package, ``systemctl`` names the pids ``ps`` shows, ``journalctl`` the logins auth.log holds.
Expected texts are dpkg 1.21.22's, apt 2.6.1's and systemd 252.39's, measured on Debian 12."""

from __future__ import annotations

import hashlib
import re

from honeymesh.detection.traps.facts import Connection, Endpoint, NodeFacts
from honeymesh.detection.traps.shell import FakeShell, ShellPersona, ShellSession
from honeymesh.detection.traps.shell_commands import BUILTINS, COMMANDS
from honeymesh.detection.traps.ssh_look import dropbear_key_file, fallback_host_keys

NOW = 1_764_000_000.0
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FACTS = NodeFacts(b"\x0b" * 32, NOW - 20 * 86400)
PERSONA = ShellPersona("web01", "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)", facts=FACTS)
ATTACKER = Connection(Endpoint("198.51.100.20", 22), Endpoint("203.0.113.9", 40123))


def shell(user: str = "root") -> FakeShell:
    return FakeShell(PERSONA, user, lambda: NOW, connection=ATTACKER)


def test_dpkg_lists_debian_12_s_dropbear_in_dpkg_s_own_layout() -> None:
    sh = shell()
    rows = sh.run("dpkg -l | grep dropbear").output.split("\n")
    assert [row.split(None, 4) for row in rows] == [
        ["ii", "dropbear", "2022.83-1+deb12u3", "all",
         "lightweight SSH2 server and client - startup scripts"],
        ["ii", "dropbear-bin", "2022.83-1+deb12u3", "amd64",
         "lightweight SSH2 server and client - command line tools"],
    ]  # fmt: skip
    # Columns as wide as the widest entry of the whole list, under the header's names.
    table = sh.run("dpkg -l").output.split("\n")
    header = table[3]
    for row in rows:
        assert row in table
        assert row.index("2022.83") == header.index("Version")
        assert row.index(" a", row.index("2022.83")) + 1 == header.index("Architecture")
    count = len(sh.run("dpkg-query -W").output.split("\n"))
    assert sh.run("dpkg -l | wc -l").output == str(5 + count)
    # Measured: `dpkg -l bash` on Debian 12, piped or on a terminal alike.
    assert sh.run("dpkg -l bash").raw == (
        "Desired=Unknown/Install/Remove/Purge/Hold\n"
        "| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n"
        "|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n"
        "||/ Name           Version      Architecture Description\n"
        "+++-==============-============-============-=================================\n"
        "ii  bash           5.2.15-2+b8  amd64        GNU Bourne Again SHell\n"
    )
    missing = sh.run("dpkg -l nmap; echo $?")
    assert missing.output == "dpkg-query: no packages found matching nmap\n1"
    assert sh.run("dpkg -s dropbear-bin | head -4").output == (
        "Package: dropbear-bin\nStatus: install ok installed\nPriority: optional\nSection: net"
    )
    assert sh.run("dpkg-query -W python3").output == "python3\t3.11.2-1+b1"
    assert sh.run("dpkg --version").output.startswith(
        "Debian 'dpkg' package management program version 1.21.22 (amd64)."
    )
    assert sh.run("dpkg -L dropbear-bin | grep sbin").output == "/usr/sbin\n/usr/sbin/dropbear"


def test_every_program_the_shell_answers_belongs_to_an_installed_package() -> None:
    sh = shell()
    assert sh.run("dpkg -S /usr/sbin/dropbear").output == "dropbear-bin: /usr/sbin/dropbear"
    assert sh.run("dpkg -S /usr/bin/dropbearkey").output == "dropbear-bin: /usr/bin/dropbearkey"
    assert sh.run("dpkg -S /nowhere; echo $?").output == (
        "dpkg-query: no path found matching pattern /nowhere\n1"
    )
    alternatives = {"awk", "nc", "which"}  # update-alternatives links: dpkg -S misses them too
    for name in sorted(set(COMMANDS) - set(BUILTINS) - alternatives):
        said = sh.run(f"dpkg -S /bin/{name} /usr/bin/{name} /sbin/{name} /usr/sbin/{name}")
        assert re.search(rf"^[\w.+:-]+(, [\w.+:-]+)*: /(usr/)?s?bin/{re.escape(name)}$",
                         said.output, re.M), name  # fmt: skip
    for name in alternatives:  # and the program each link points to is a package's
        target = {"awk": "/usr/bin/mawk", "nc": "/bin/nc.openbsd",
                  "which": "/usr/bin/which.debianutils"}[name]  # fmt: skip
        assert sh.run(f"dpkg -S {target}; echo $?").output.endswith("\n0"), name
    # The file tree holds every package's programs, so `which` and bash find what dpkg lists.
    assert sh.run("which dpkg systemctl apt-get journalctl tac").output.split("\n") == [
        "/usr/bin/dpkg", "/usr/bin/systemctl", "/usr/bin/apt-get", "/usr/bin/journalctl",
        "/usr/bin/tac",
    ]  # fmt: skip
    assert sh.run("tac /etc/hostname; echo $?").output.endswith("0")  # not "command not found"
    assert sh.run("ls -l /usr/bin/sudo").output.startswith("-rwsr-xr-x 1 root root 281624 ")
    assert sh.run("ls -l /usr/bin/crontab").output.startswith("-rwxr-sr-x 1 root crontab ")
    assert sh.run("readlink -f /usr/bin/awk; ls -l /etc/alternatives/awk").output.endswith(
        "/etc/alternatives/awk -> /usr/bin/mawk"
    )
    # Busybox-only applets are not programs of their own, as on Debian.
    assert sh.run("ftpget").output == "-bash: ftpget: command not found"
    assert sh.run("busybox ftpget 2>&1 | head -1").status == 0


def test_dpkg_s_status_file_and_doc_folders_list_the_same_packages() -> None:
    sh = shell()
    listed = {line.split("\t")[0].split(":")[0] for line in
              sh.run("dpkg-query -W").output.split("\n")}  # fmt: skip
    docs = set(sh.run("ls /usr/share/doc").output.split())
    status = {
        line.removeprefix("Package: ")
        for line in sh.run("grep '^Package: ' /var/lib/dpkg/status").output.split("\n")
    }
    assert docs == status
    assert listed == status
    assert len(status) > 100
    assert {"dropbear", "dropbear-bin", "openssh-client", "sudo", "python3.11", "busybox",
            "curl", "wget", "systemd", "cron"} <= status  # fmt: skip
    assert "openssh-server" not in status  # the SSH server is Dropbear
    # The running kernel is an installed package; /etc/debian_version is base-files' own.
    assert sh.run("uname -r").output == "6.1.0-28-amd64"
    kernel = sh.run("dpkg -l 'linux-image*' | tail -2").output.split("\n")
    assert [row.split(None, 4) for row in kernel] == [
        ["ii", "linux-image-6.1.0-28-amd64", "6.1.119-1", "amd64", "Linux 6.1 for 64-bit PCs "
         "(signed)"],
        ["ii", "linux-image-amd64", "6.1.119-1", "amd64", "Linux for 64-bit PCs (meta-package)"],
    ]  # fmt: skip
    assert "vmlinuz-6.1.0-28-amd64" in sh.run("ls /boot").output.split()
    base = sh.run("dpkg-query -W base-files").output.split("\t")[1]  # 12.4+deb12u11: 12.11
    assert sh.run("cat /etc/debian_version").output == "12." + base.rpartition("deb12u")[2]


def test_systemctl_status_dropbear_names_the_pids_ps_shows() -> None:
    sh = shell()
    status = sh.run("systemctl status dropbear")
    assert status.status == 0
    lines = status.output.split("\n")
    assert lines[0] == "● dropbear.service - Lightweight SSH server"
    assert lines[1] == (
        "     Loaded: loaded (/lib/systemd/system/dropbear.service; enabled; preset: enabled)"
    )
    assert lines[2].startswith("     Active: active (running) since ")
    main = re.search(r"Main PID: (\d+) \(dropbear\)", status.output)
    assert main is not None
    ps = sh.run("ps aux").output
    assert re.search(rf"^root +{main.group(1)} .* /usr/sbin/dropbear -EF -p 22 -W 65536$", ps,
                     re.M)  # fmt: skip
    # The session's own Dropbear child is in the unit's cgroup (no PAM, no logind scope).
    child = re.search(r"^root +(\d+) .*-W 65536 -2 8$", ps, re.M)
    assert child is not None
    assert f"├─{child.group(1)} /usr/sbin/dropbear -EF -p 22 -W 65536 -2 8" in status.output
    for unit, service in (("cron", "cron -f"), ("rsyslog", "rsyslogd -n -iNONE")):
        pid = re.search(r"Main PID: (\d+)", sh.run(f"systemctl status {unit}").output)
        assert pid is not None
        assert re.search(rf"^root +{pid.group(1)} .*{service}$", ps, re.M), unit
    units = sh.run("systemctl list-units --type=service").output.split("\n")
    assert units[0] == "  UNIT                               LOAD   ACTIVE SUB     DESCRIPTION"
    assert "  dropbear.service                   loaded active running Lightweight SSH server" in (
        units
    )
    assert units[-3:] == [
        "",
        "24 loaded units listed. Pass --all to see loaded but inactive units, too.",
        "To show all installed unit files use 'systemctl list-unit-files'.",
    ]
    assert sh.run("systemctl status nosuch; echo $?").output == (
        "Unit nosuch.service could not be found.\n4"
    )


def test_systemctl_status_lays_units_out_as_systemd_252_does() -> None:
    sh = shell()
    journald = sh.run("systemctl status systemd-journald").output.split("\n")
    assert journald[1] == (
        "     Loaded: loaded (/lib/systemd/system/systemd-journald.service; static)"
    )
    assert journald[3:9] == [
        "TriggeredBy: ● systemd-journald.socket",
        "             ○ systemd-journald-audit.socket",
        "             ● systemd-journald-dev-log.socket",
        "       Docs: man:systemd-journald.service(8)",
        "             man:journald.conf(5)",
        f"   Main PID: {FACTS.pid('systemd-journald')} (systemd-journal)",  # comm: 15 characters
    ]
    assert journald[9] == '     Status: "Processing requests..."'
    redis = sh.run("systemctl status redis-server").output
    assert f'└─{FACTS.pid("redis-server")} "/usr/bin/redis-server 127.0.0.1:6379"' in redis
    sysctl = sh.run("systemctl status systemd-sysctl").output.split("\n")
    assert sysctl[2].startswith("     Active: active (exited) since ")
    assert sysctl[5].startswith("    Process: ")
    assert sysctl[5].endswith(
        " ExecStart=/lib/systemd/systemd-sysctl (code=exited, status=0/SUCCESS)"
    )
    assert sh.run("systemctl is-enabled dropbear systemd-journald nosuch; echo $?").output == (
        "enabled\nstatic\nFailed to get unit file state for nosuch.service: No such file or "
        "directory\n0"
    )
    assert sh.run("systemctl frobnicate cron; echo $?").output == (
        "Unknown command verb frobnicate.\n1"
    )
    assert sh.run("service --status-all").output.split("\n") == [
        " [ - ]  apache-htcacheclean", " [ + ]  apache2", " [ + ]  cron", " [ + ]  dbus",
        " [ + ]  dropbear", " [ - ]  hwclock.sh", " [ - ]  kmod", " [ + ]  procps",
        " [ + ]  redis-server", " [ - ]  sudo", " [ + ]  udev",
    ]  # fmt: skip


def test_only_root_starts_and_stops_and_only_for_its_session() -> None:
    user = shell("admin")
    said = user.run("systemctl restart dropbear; echo $?")
    assert said.output == (
        "Failed to restart dropbear.service: Access denied\n"
        "See system logs and 'systemctl status dropbear.service' for details.\n4"
    )
    assert user.run("systemctl is-active cron").output == "active"
    root = shell()
    assert root.run("systemctl stop cron; echo $?").output == "0"
    assert root.run("systemctl is-active cron; echo $?").output == "inactive\n3"
    stopped = root.run("systemctl status cron; echo $?").output.split("\n")
    assert stopped[0] == "○ cron.service - Regular background program processing daemon"
    assert stopped[2].startswith("     Active: inactive (dead) since ")
    assert stopped[3].startswith("   Duration: ")
    assert stopped[5].endswith(" ExecStart=/usr/sbin/cron -f (code=killed, signal=TERM)")
    assert stopped[-2:] == [
        f"{stopped[-4][:15]} web01 systemd[1]: Stopped cron.service - Regular background "
        "program processing daemon.",
        "3",
    ]
    assert " [ - ]  cron" in root.run("service --status-all").output
    assert root.run("systemctl start cron; systemctl is-active cron").output == "active"
    root.run("systemctl stop cron")
    assert shell().run("systemctl is-active cron").output == "active"  # another session


def test_journalctl_shows_the_logins_auth_log_holds() -> None:
    sh = shell()
    auth = sh.run("grep dropbear /var/log/auth.log").output.split("\n")
    journal = sh.run("journalctl -u dropbear").output
    assert "systemd[1]: Started dropbear.service - Lightweight SSH server." in journal
    assert len(auth) >= 2
    for line in auth:
        m = re.match(r"\d{4}-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)\.\d+\+00:00 web01 dropbear\[(\d+)\]: "
                     r"(.*)$", line)  # fmt: skip
        assert m is not None, line
        month = MONTHS[int(m.group(1)) - 1]
        when = f"{month} {m.group(2)} {m.group(3)}"
        pid = m.group(4)
        assert f"{when} web01 dropbear[{pid}]: [{pid}] {when} {m.group(5)}" in journal
    assert "203.0.113.9:40123" in journal  # this session's own login
    assert (
        shell("admin")
        .run("journalctl -u dropbear; echo $?")
        .output.endswith("No journal files were opened due to insufficient permissions.\n1")
    )
    # cron's hourly sessions are cron.service's own lines, as auth.log has them.
    sessions = sh.run("grep CRON /var/log/auth.log | tail -1").output
    assert sessions.split(" web01 ")[1] in sh.run("journalctl -u cron").output


def test_apt_fails_as_a_box_without_name_resolution_does_and_records_the_urls() -> None:
    sh = shell()
    update = sh.run("apt-get update; echo $?")
    assert update.output.split("\n") == [
        "Err:1 http://deb.debian.org/debian bookworm InRelease",
        "  Temporary failure resolving 'deb.debian.org'",
        "Err:2 http://deb.debian.org/debian bookworm-updates InRelease",
        "  Temporary failure resolving 'deb.debian.org'",
        "Err:3 http://deb.debian.org/debian-security bookworm-security InRelease",
        "  Temporary failure resolving 'deb.debian.org'",
        "Reading package lists... Done",
        "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  "
        "Temporary failure resolving 'deb.debian.org'",
        "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm-updates/InRelease  "
        "Temporary failure resolving 'deb.debian.org'",
        "W: Failed to fetch http://deb.debian.org/debian-security/dists/bookworm-security/"
        "InRelease  Temporary failure resolving 'deb.debian.org'",
        "W: Some index files failed to download. They have been ignored, or old ones used instead.",
        "0",
    ]
    assert "http://deb.debian.org/debian/dists/bookworm/InRelease" in update.downloads
    user = shell("admin")
    assert user.run("apt install nmap; echo $?").output == (
        "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n"
        "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you "
        "root?\n100"
    )
    assert user.run("apt-get update; echo $?").output == (
        "E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\n"
        "E: Unable to lock directory /var/lib/apt/lists/\n100"
    )
    # An install resolves as apt did on Debian 12 with this list, then fails to download.
    masscan = sh.run("apt-get install -y masscan; echo $?")
    assert masscan.output.split("\n")[3:5] == ["The following NEW packages will be installed:",
                                                "  masscan"]  # fmt: skip
    assert masscan.output.endswith(
        "E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n100"
    )
    assert masscan.downloads == (
        "http://deb.debian.org/debian/pool/main/m/masscan/masscan_1.3.2%2bds1-1_amd64.deb",
    )
    assert sh.run("apt install curl").output.split("\n")[3] == (
        "curl is already the newest version (7.88.1-10+deb12u14)."
    )
    assert "dropbear-bin/oldstable,now 2022.83-1+deb12u3 amd64 [installed]" in sh.run(
        "apt list --installed"
    ).output.split("\n")
    assert sh.run("apt-cache policy dropbear-bin").output.split("\n")[:4] == [
        "dropbear-bin:", "  Installed: 2022.83-1+deb12u3", "  Candidate: 2022.83-1+deb12u3",
        "  Version table:",
    ]  # fmt: skip


def test_a_binary_file_s_bytes_are_counted_and_sent_once_each() -> None:
    sh = shell()
    path = "/etc/dropbear/dropbear_ed25519_host_key"
    line = fallback_host_keys(FACTS)["ed25519"]
    size = int(sh.run(f"ls -l {path}").output.split()[4])
    assert sh.run(f"wc -c {path}").output == f"{size} {path}"
    assert sh.run(f"cat {path} | wc -c").output == str(size)
    session = ShellSession(shell(), echo=False, newline=b"\n")
    session.start()
    sent = session.feed(f"cat {path}\r".encode()).reply
    key = dropbear_key_file(line, FACTS, "ed25519")
    assert len(key) == size
    assert sent.startswith(key)  # the file's bytes, as the real cat sends them
    assert len(sent) - len(session.shell.prompt().encode()) == size
    assert any(b > 127 for b in sent[:size])
    assert sh.run(f"md5sum {path}").output == f"{hashlib.md5(key).hexdigest()}  {path}"
    assert sh.run(f"sha256sum < {path}").output == f"{hashlib.sha256(key).hexdigest()}  -"
    assert sh.run(f"head -c 40 {path} | sha256sum").output == (
        f"{hashlib.sha256(key[:40]).hexdigest()}  -"
    )
    assert sh.run(f"tail -c 7 {path} | wc -c").output == "7"
