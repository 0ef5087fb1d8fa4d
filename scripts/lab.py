#!/usr/bin/env python3
"""The guided lab: three HoneyMesh nodes in a mesh and an attacker, on one machine.

    make lab                 # run the scenario, then keep the lab up until Ctrl-C
    make lab LAB_ARGS=--once # run the scenario, check it, tear down (what the test does)

Network namespaces joined by a bridge (198.18.77.0/24, the benchmarking range, only inside
the lab): ``hmlab-n1`` .. ``hmlab-n3`` each run a real ``twistd honeymesh`` in ENFORCE mode with
XDP on their ``eth0``, traps on SSH (22), HTTP (80) and a banner port (2323), sharing over the
mesh with a Pro license that a lab vendor key (made here, trusted by the three nodes) signed;
``hmlab-atk`` runs real tools: nmap, an SSH password spray with the OpenSSH client (sshpass),
curl. The lab prints what happens as it happens (detection, the ban, its propagation, the kernel
drops), then the dashboards' addresses and tokens (the host gets 198.18.77.1 on the bridge), and
tears everything down on exit or Ctrl-C. Everything stays on this machine: no packet leaves
the lab's namespaces and the host's one bridge port.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
NET = "198.18.77"
HOST_IP = f"{NET}.1"
ATTACKER_IP = f"{NET}.66"
SWITCH = "hmlab-sw"
ATTACKER = "hmlab-atk"
PASSWORDS = ("123456", "admin", "toor", "password")
START = time.monotonic()


def say(text: str) -> None:
    print(f"[{time.monotonic() - START:6.1f}s] {text}", flush=True)


def run(*argv: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, capture_output=True, text=True, errors="replace",
                          timeout=timeout, check=False)  # fmt: skip
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()}")
    return done


def in_ns(
    ns: str, *argv: str, check: bool = True, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return run("ip", "netns", "exec", ns, *argv, check=check, timeout=timeout)


def wait_until(what: str, check: Callable[[], bool], timeout: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(0.1)
    raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what}")


@dataclass
class Node:
    name: str
    ns: str
    ip: str
    directory: Path
    token: str = ""
    proc: subprocess.Popen[bytes] | None = None
    out: Path = field(init=False)

    def __post_init__(self) -> None:
        self.out = self.directory / "daemon.out"

    @property
    def config(self) -> Path:
        return self.directory / "honeymesh.toml"

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """The honeymesh CLI on the node (root there: the local operator credential)."""
        return in_ns(self.ns, str(BIN / "honeymesh"), "--config", str(self.config), *args,
                     check=check)  # fmt: skip

    def json(self, *args: str) -> dict[str, object]:
        return dict(json.loads(self.cli("--json", *args).stdout))

    def banned(self, address: str) -> bool:
        answer = self.cli("--json", "explain", address, check=False)
        return answer.returncode == 0 and json.loads(answer.stdout).get("status") == "banned"

    def dropped(self) -> int:
        packets = self.json("status")["counters"]["kernel_packets"]  # type: ignore[index]
        return int(packets.get("dropped_exact", 0)) + int(packets.get("dropped_range", 0))


class Lab:
    def __init__(self, where: Path, host_link: bool) -> None:
        self.where = where
        self.host_link = host_link
        self.nodes = [Node(f"node{i}", f"hmlab-n{i}", f"{NET}.1{i}", where / f"node{i}")
                      for i in (1, 2, 3)]  # fmt: skip
        self.spaces = [SWITCH, ATTACKER, *(n.ns for n in self.nodes)]

    # The network -------------------------------------------------------------------------------

    def build_network(self) -> None:
        for ns in self.spaces:
            run("ip", "netns", "del", ns, check=False)  # a lab left behind by a killed run
            run("ip", "netns", "add", ns)
            in_ns(ns, "ip", "link", "set", "lo", "up")
        in_ns(SWITCH, "ip", "link", "add", "br0", "type", "bridge")
        in_ns(SWITCH, "ip", "link", "set", "br0", "up")
        members = [(ATTACKER, ATTACKER_IP), *((n.ns, n.ip) for n in self.nodes)]
        for i, (ns, ip) in enumerate(members):
            port = f"p{i}"
            run("ip", "link", "add", "eth0", "netns", ns, "type", "veth", "peer", "name", port,
                "netns", SWITCH)  # fmt: skip
            in_ns(SWITCH, "ip", "link", "set", port, "master", "br0", "up")
            in_ns(ns, "ip", "addr", "add", f"{ip}/24", "dev", "eth0")
            in_ns(ns, "ip", "link", "set", "eth0", "up")
        if self.host_link:
            run("ip", "link", "del", "hmlab-host", check=False)
            run("ip", "link", "add", "hmlab-host", "type", "veth", "peer", "name", "phost",
                "netns", SWITCH)  # fmt: skip
            in_ns(SWITCH, "ip", "link", "set", "phost", "master", "br0", "up")
            run("ip", "addr", "add", f"{HOST_IP}/24", "dev", "hmlab-host")
            run("ip", "link", "set", "hmlab-host", "up")

    def teardown(self) -> None:
        for node in self.nodes:
            if node.proc is not None and node.proc.poll() is None:
                node.proc.send_signal(signal.SIGTERM)
        for node in self.nodes:
            if node.proc is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    node.proc.wait(timeout=20)
                if node.proc.poll() is None:
                    node.proc.kill()
        for ns in self.spaces:
            run("ip", "netns", "del", ns, check=False)
        if self.host_link:
            run("ip", "link", "del", "hmlab-host", check=False)

    # The nodes ---------------------------------------------------------------------------------

    def provision(self) -> None:
        vendor = self.where / "vendor"
        keygen = run(str(BIN / "honeymesh"), "license", "keygen", "--out", str(vendor))
        found = re.search(r'trusted_keys = \["([^"]+)"\]', keygen.stdout)
        if found is None:
            raise RuntimeError(f"license keygen printed no key line: {keygen.stdout}")
        trusted = found.group(1)
        for node in self.nodes:
            init = run(str(BIN / "honeymesh"), "init", "--dir", str(node.directory),
                       "--mode", "enforce", "--interface", "eth0")  # fmt: skip
            token = re.search(r"\b(hm_[A-Za-z0-9_\-]+)", init.stdout + init.stderr)
            node.token = token.group(1) if token else "(see honeymesh init's output)"
            run(str(BIN / "honeymesh"), "license", "issue", "--signing-key",
                str(vendor / "license-signing.key"), "--tier", "pro", "--licensee",
                "HoneyMesh lab", "--expires", "2099-12-31", "--features", "sharing", "--out",
                str(node.directory / "license.json"))  # fmt: skip
            text = node.config.read_text()
            text = set_key(text, "node", "name", node.name)
            text = set_key(text, "api", "address", node.ip)
            text = set_key(text, "kernel", "admin_networks", ["127.0.0.0/8", "::1/128",
                                                              f"{HOST_IP}/32"])  # fmt: skip
            text = set_key(text, "license", "trusted_keys", [trusted])
            text = set_key(text, "sharing", "enabled", True)
            text = set_key(text, "mesh", "address", node.ip)
            # One operator's own cluster: members are trusted to ban (L2), as docs/TRUST.md says.
            text = set_key(text, "trust", "start_level", 2)
            for name, port in (("ssh", 22), ("http", 80)):
                text += (f'\n[[traps]]\nname = "{name}"\ntype = "{name}"\nports = [{port}]\n'
                         'bind = ["0.0.0.0"]\n')  # fmt: skip
            node.config.write_text(text)

    def start(self) -> None:
        for node in self.nodes:
            argv = ["ip", "netns", "exec", node.ns, str(BIN / "twistd"), "--nodaemon",
                    "--pidfile=", "honeymesh", "--config", str(node.config)]  # fmt: skip
            node.proc = subprocess.Popen(argv, stdout=node.out.open("wb"),
                                         stderr=subprocess.STDOUT, cwd=node.directory)  # fmt: skip
        for node in self.nodes:
            wait_until(f"{node.name} to start",
                       lambda n=node: "ban list restored" in n.out.read_text(errors="replace")
                       or (n.proc is not None and n.proc.poll() is not None), 180)  # fmt: skip
            if node.proc is not None and node.proc.poll() is not None:
                raise RuntimeError(f"{node.name} exited: {node.out.read_text()[-2000:]}")
            kernel = node.json("status")["kernel"]
            say(f"{node.name} ({node.ip}) is up, kernel enforcement "
                f"{kernel['state']} on eth0")  # type: ignore[index]  # fmt: skip

    def form_mesh(self) -> None:
        first, *others = self.nodes
        token = first.cli("mesh", "token", "create", "--uses", str(len(others)), "--ttl", "10m")
        for node in others:
            node.cli("mesh", "join", token.stdout.strip())
        ids = {n.name: str(n.json("mesh", "status")["node_id"]) for n in self.nodes}

        def connected() -> bool:
            for node in self.nodes:
                peers = node.json("mesh", "peers")["peers"]
                active = {p["node_id"] for p in peers if p["state"] == "active"}  # type: ignore[attr-defined]
                if set(ids.values()) - {ids[node.name]} - active:
                    return False
            return True

        took = wait_until("the mesh to connect", connected, 60)
        say(f"mesh formed: node2 and node3 joined through node1 (all links up in {took:.1f} s)")

    # The attack --------------------------------------------------------------------------------

    def attack(self) -> dict[str, float]:
        target, *others = self.nodes
        api = f"https://{others[0].ip}:8443/api/v1/status"
        before = in_ns(ATTACKER, "curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}",
                       "-m", "5", api, check=False)  # fmt: skip
        say(f"attacker reaches node2's admin port before any ban (HTTP {before.stdout or '-'})")
        say("attacker: nmap -sS of node1")
        scan = in_ns(ATTACKER, "nmap", "-sS", "-Pn", "-n", "--max-retries", "1", "--host-timeout",
                     "30s", "-p", "21-25,80,443,2323,3306,6379,8443", target.ip, check=False,
                     timeout=90)  # fmt: skip
        for line in scan.stdout.splitlines():
            if re.match(r"^\d+/tcp", line):
                say(f"  nmap: {line}")
        say("attacker: SSH password spray on node1 with the OpenSSH client")
        first_try = time.monotonic()
        for password in PASSWORDS:
            in_ns(ATTACKER, "sshpass", "-p", password, "ssh", "-o", "StrictHostKeyChecking=no",
                  "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=5",
                  "-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                  "-o", "NumberOfPasswordPrompts=1", f"root@{target.ip}", "true",
                  check=False, timeout=30)  # fmt: skip
            say(f"  tried root / {password}")
        for path in ("/", "/.env", "/wp-login.php"):
            got = in_ns(ATTACKER, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-m",
                        "5", f"http://{target.ip}{path}", check=False)  # fmt: skip
            say(f"attacker: curl http://node1{path} -> {got.stdout or 'no answer'}")
        created: dict[str, float] = {}
        for node in self.nodes:
            wait_until(f"{node.name} to ban the attacker", lambda n=node: n.banned(ATTACKER_IP), 60)
            ban = node.json("explain", ATTACKER_IP)["banned_by"][0]  # type: ignore[index]
            created[node.name] = float(ban["created"])
            if node is target:
                detail = ban.get("evidence", {}).get("detector", "?")
                took = time.monotonic() - first_try
                say(f"{node.name} bans {ATTACKER_IP} on its own ({detail} trap), "
                    f"{took:.1f} s after the first SSH attempt")  # fmt: skip
            else:
                lag = (created[node.name] - created[target.name]) * 1000
                via = ban.get("provenance", {})
                say(f"{node.name} bans {ATTACKER_IP} from the mesh {lag:.0f} ms after node1 did "
                    f"(signed by {str(via.get('peer', '?'))[:12]}...)")  # fmt: skip
        return {name: (t - created[target.name]) * 1000 for name, t in created.items()}

    def show_drops(self) -> dict[str, int]:
        drops: dict[str, int] = {}
        for node in self.nodes[1:]:
            before = node.dropped()
            got = in_ns(ATTACKER, "curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-m",
                        "3", f"https://{node.ip}:8443/api/v1/status", check=False)  # fmt: skip
            drops[node.name] = node.dropped() - before
            say(f"attacker -> {node.name}:8443 (not a trap) now: "
                f"{'timed out' if got.returncode else got.stdout}; XDP dropped "
                f"{drops[node.name]} of its packets")  # fmt: skip
        grab = f"exec 3<>/dev/tcp/{self.nodes[1].ip}/22 && timeout 3 head -c 60 <&3"
        ssh = in_ns(ATTACKER, "bash", "-c", grab, check=False)
        banner = ssh.stdout.splitlines()[0] if ssh.stdout else "-"
        say(f"attacker -> node2:22 (a trap) still answers: {banner}")
        return drops


def set_key(text: str, section: str, key: str, value: object) -> str:
    """``key = value`` in ``[section]``: replaced where written, else added under the header."""
    head = re.search(rf"(?m)^\[{re.escape(section)}\]$", text)
    if head is None:
        return text + f"\n[{section}]\n{key} = {json.dumps(value)}\n"
    nxt = re.compile(r"(?m)^\[").search(text, head.end())
    end = nxt.start() if nxt else len(text)
    line = f"{key} = {json.dumps(value)}"
    found = re.compile(rf"(?m)^{re.escape(key)} = .*$").search(text, head.end(), end)
    if found is None:
        return text[: head.end()] + "\n" + line + text[head.end() :]
    return text[: found.start()] + line + text[found.end() :]


@contextlib.contextmanager
def lab_dir(keep: str | None) -> Iterator[Path]:
    if keep:
        path = Path(keep)
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True, mode=0o700)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="hmlab-") as tmp:
        yield Path(tmp)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--once",
        action="store_true",
        help="run the scenario, check it, tear down (no host link, no waiting)",
    )
    parser.add_argument("--dir", help="keep the nodes' data here (default: a temporary folder)")
    args = parser.parse_args()  # fmt: skip
    if os.geteuid() != 0:
        print("lab: needs root (network namespaces, XDP)", file=sys.stderr)
        return 2
    for tool in ("nmap", "sshpass", "ssh", "curl"):
        if shutil.which(tool) is None:
            print(f"lab: {tool} is missing; run scripts/setup.sh test first", file=sys.stderr)
            return 2
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    with lab_dir(args.dir) as where:
        lab = Lab(where, host_link=not args.once)
        try:
            say("building the lab: a bridge, three nodes and an attacker in network namespaces")
            lab.build_network()
            lab.provision()
            lab.start()
            lab.form_mesh()
            times = lab.attack()
            drops = lab.show_drops()
            ok = all(n.banned(ATTACKER_IP) for n in lab.nodes) and all(drops.values())
            verdict = "attacker banned on every node" if ok else "NOT banned everywhere"
            say(f"{verdict}; node1's ban reached node2/node3 in "
                f"{times['node2']:.0f}/{times['node3']:.0f} ms; XDP drops {drops}")  # fmt: skip
            if args.once:
                return 0 if ok else 1
            say("dashboards (from this host):")
            for node in lab.nodes:
                say(f"  https://{node.ip}:8443/  admin token {node.token}")
            say("the lab stays up: Ctrl-C tears it down")
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            say("tearing down")
            return 0
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            say(f"lab failed: {e}")
            for node in lab.nodes:
                if node.out.exists():
                    print(f"--- {node.name} (last lines)\n{node.out.read_text()[-3000:]}")
            return 1
        finally:
            lab.teardown()


if __name__ == "__main__":
    sys.exit(main())
