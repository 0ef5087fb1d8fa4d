"""What one node's fake machine is: its MAC, address, boot time, pids, hashes and secrets.

Without this every deployment would show the same MAC, the same "last login from", the same
Redis ``run_id`` and the same ``.env`` keys, and one fingerprint would find every node. Each
fact here is drawn from a per-node seed (``NodeIdentity.derive_secret("trap-persona")``, never
the identity key itself) with HMAC-SHA256(seed, label) as the only source of randomness, so a
node always tells the same story, across sessions and restarts, and two nodes share none of it.

Time-dependent facts (uptime, the previous login, the next pid) derive from two fixed points,
the install time and the boot time, which the seed places before ``first_start``: the moment
the node first ran, kept in its data directory (``registry.load_first_start``). A restart of the
daemon is not a reboot of the fake machine: its uptime keeps growing, never runs backwards.

Sans-IO: no clock, no files, no sockets; callers pass ``now`` and the connection.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
from dataclasses import dataclass, field
from datetime import UTC, datetime

DAY = 86400

#: Vendor prefixes of the virtual and physical NICs small servers have (QEMU/KVM, VMware,
#: Hyper-V, Xen, VirtualBox, Dell, HPE, Supermicro, Intel).
OUIS = (
    "52:54:00",
    "00:50:56",
    "00:0c:29",
    "00:15:5d",
    "00:16:3e",
    "08:00:27",
    "f8:bc:12",
    "b8:ca:3a",
    "3c:d9:2b",
    "94:18:82",
    "ac:1f:6b",
    "3c:fd:fe",
)

#: Processors of small servers and VMs: model name, model, stepping, MHz, cache (KB).
CPUS = (
    ("Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz", 85, 4, 2394.374, 28160),
    ("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 79, 1, 2399.998, 35840),
    ("Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz", 85, 7, 2194.842, 16896),
    ("Intel(R) Xeon(R) CPU E5-2630 v3 @ 2.40GHz", 63, 2, 2397.222, 20480),
    ("Intel(R) Xeon(R) Gold 6226R CPU @ 2.90GHz", 85, 7, 2893.202, 22528),
    ("Intel(R) Xeon(R) E-2236 CPU @ 3.40GHz", 158, 10, 3407.998, 12288),
)
_HYPERVISORS = {"52:54:00": "KVM", "00:50:56": "VMware", "00:0c:29": "VMware",
                "00:15:5d": "Microsoft", "00:16:3e": "Xen", "08:00:27": "KVM"}  # fmt: skip

#: First octets of large public allocations (RIPE, ARIN, APNIC): where an admin logs in from.
_PUBLIC_FIRST = (31, 37, 46, 62, 77, 78, 80, 81, 82, 84, 85, 86, 87, 88, 89, 91, 93, 94, 95,
                 109, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217, 50, 71, 98)  # fmt: skip

#: The services a small Debian server starts at boot, in the order their pids are handed out.
SERVICES = (
    "systemd-journald",
    "systemd-udevd",
    "systemd-timesyncd",
    "dbus-daemon",
    "rsyslogd",
    "systemd-logind",
    "cron",
    "agetty",
    "sshd",
    "redis-server",
    "apache2",
)

CRYPT64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_AWS_SECRET = _ALNUM + "+/"
_WORDS = ("Winter", "Summer", "Autumn", "Spring", "Falcon", "Orion", "Harbor", "Granite",
          "Maple", "Copper", "Cobalt", "Juniper", "Nimbus", "Sierra", "Tango", "Velvet",
          "Willow", "Zephyr", "Aurora", "Boreal", "Cedar", "Delta", "Ember", "Frost")  # fmt: skip
_SYMBOLS = "!#$%&*@?"

#: What a small company calls itself in its internal domain, and the suffixes it adds.
_COMPANIES = ("acme", "nordwind", "bluebay", "kestrel", "lindqvist", "brightline", "oakridge",
              "pinecrest", "harborview", "redstone", "silverleaf", "northgate", "westfield",
              "ironbridge", "stonebrook", "clearwater", "fairhaven", "greenfield", "highmoor",
              "larkspur", "meridian", "novatek", "orbitron", "quantix", "riverbend", "sunvale",
              "tidewater", "vantage", "wavecrest", "alpenrose", "baltic", "carrow", "dunmore",
              "elmstead", "foxglove", "galloway", "hartwell", "inverness", "juniperhill",
              "kingsley", "lowlands", "marlow", "newhaven", "oberland", "prairie", "quarry",
              "rosendal", "seaview", "thornbury", "upland", "valemont", "whitcombe", "yarrow",
              "zenwerk", "brennan", "castell", "delmar", "everett", "fernhill", "glenrock",
              "holloway", "ashford", "bergstrom", "corvid", "albion", "brightwater", "calder",
              "dovetail", "eastbrook", "fjord", "granby", "heathrow", "islay", "jasper",
              "kelvin", "lindenhof", "moorland", "northstar", "oakhurst", "pembroke", "quill",
              "ravenna", "saxon", "tannery", "ulster", "vireo", "wexford", "yellowpine",
              "zuider", "amberley", "birchwood", "coldwell", "driftwood", "elbe", "fairlight",
              "gardner", "hillcrest", "ivory", "jetstream", "kinross", "lakeside", "millbrook",
              "netherby", "ostara", "pelham", "redwood", "sandford", "tallis", "umbra",
              "vinter", "weston", "alder", "bellwether", "cortex", "dunbar", "eiger",
              "flintlock", "greystone", "harlow", "ingram", "keystone", "linnet")  # fmt: skip
_COMPANY_SUFFIXES = ("", "", "", "-it", "-corp", "-hq", "-group", "-labs", "-gmbh", "-ltd",
                     "-net", "-tech", "-office", "-dev", "-ops", "-sys")  # fmt: skip
_SITES = ("", "", "corp.", "office.", "int.", "dc1.", "prod.", "hq.", "it.", "srv.")
#: Top-level names no one can register: RFC 6761/8375 and ICANN's private-use ``.internal``,
#: and the never-delegated names admins use anyway.
_PRIVATE_TLDS = ("internal", "internal", "lan", "home.arpa", "corp", "intranet")
#: How small servers are named: by role, by cloud image, or as the cloud names them.
_ROLES = ("web", "www", "app", "srv", "server", "node", "host", "vps", "prod", "api", "backend",
          "lamp", "docker", "shop", "portal", "cms")  # fmt: skip
_IMAGES = ("ubuntu", "debian", "debian-12", "bookworm")
_REGIONS = ("fra1", "ams3", "lon1", "nyc3", "sfo3", "sgp1", "tor1", "blr1", "nbg1", "hel1",
            "fsn1", "ash", "waw1", "par1")  # fmt: skip
_SIZES = ("1gb", "2gb", "4gb", "8gb", "s-1vcpu-2gb", "s-2vcpu-4gb", "cx22", "cpx21")
_WEB_LABELS = ("intranet", "www", "portal", "wiki", "git", "app", "extranet", "docs", "crm")
_SITE_KINDS = ("Intranet", "Portal", "Wiki", "Team Site", "Extranet", "Blog", "Hub")
_MAIL_LABELS = ("mail", "mail", "mx", "mx1", "smtp", "mail01", "mailgw")
_PEOPLE = ("admin", "root", "sysadmin", "it", "ops", "hostmaster", "support", "noc")
_ROOMS = ("Server room", "Server room 1", "Basement rack", "Comms room", "IT closet",
          "Data center", "DC")  # fmt: skip
_CITIES = ("Frankfurt", "Amsterdam", "London", "Hamburg", "Vienna", "Zurich", "Warsaw",
           "Lyon", "Madrid", "Milan", "Stockholm", "Oslo", "Dublin", "Prague", "Toronto",
           "Chicago", "Dallas", "Seattle", "Singapore", "Helsinki")  # fmt: skip


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int


@dataclass(frozen=True)
class Connection:
    """The real connection a trap session runs on: the address the attacker connected to
    (``local``) and the attacker's own (``peer``)."""

    local: Endpoint
    peer: Endpoint


def plain_host(host: str) -> str:
    """``::ffff:192.0.2.7`` as ``192.0.2.7``: how a dual-stack socket names an IPv4 client."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


#: How many drawn values a ``NodeFacts`` keeps: every constant label several times over (a few
#: hundred exist), while labels made from a time or a name cannot grow it without bound.
_DRAWN_MAX = 4096


@dataclass(frozen=True)
class NodeFacts:
    """Every per-node fact a trap may show; the same ``seed`` and ``first_start`` always give
    the same values."""

    seed: bytes
    first_start: float  # when this node first ran (seconds since the epoch)
    # What ``draw`` gave, by (label, size): a trap asks for the same facts in every session
    # (the Redis dialogue's run id, replication id, pid: six HMACs a session), and they never
    # change for a seed. Per instance, so two nodes never share one; bounded, since a few
    # labels carry a time or a name (``_DRAWN_MAX``).
    _drawn: dict[tuple[str, int], bytes] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    # --- the one source of randomness ----------------------------------------------------

    def draw(self, label: str, size: int = 32) -> bytes:
        """``size`` bytes for ``label``: HMAC-SHA256(seed, label), extended by a counter."""
        drawn = self._drawn.get((label, size))
        if drawn is None:
            drawn = self._derive(label, size)
            if len(self._drawn) < _DRAWN_MAX:  # once full, the labels kept are the first ones
                self._drawn[(label, size)] = drawn
        return drawn

    def _derive(self, label: str, size: int) -> bytes:
        out = bytearray()
        block = 0
        while len(out) < size:
            msg = f"honeymesh/facts/{label}/{block}".encode()
            out += hmac.new(self.seed, msg, hashlib.sha256).digest()
            block += 1
        return bytes(out[:size])

    def number(self, label: str, low: int, high: int) -> int:
        """An integer in [low, high] for ``label``."""
        return low + int.from_bytes(self.draw(label, 16)) % (high - low + 1)

    def text(self, label: str, alphabet: str, length: int) -> str:
        raw = self.draw(label, length * 2)
        return "".join(alphabet[int.from_bytes(raw[2 * i : 2 * i + 2]) % len(alphabet)]
                       for i in range(length))  # fmt: skip

    def hexa(self, label: str, length: int) -> str:
        return self.draw(label, (length + 1) // 2).hex()[:length]

    def pick(self, label: str, choices: tuple[str, ...]) -> str:
        return choices[self.number(label, 0, len(choices) - 1)]

    # --- names ---------------------------------------------------------------------------
    # One coherent set per node: the machine's host name, and the domain its web, mail and
    # name servers share. Drawn from the seed only, never from first_start, so a restart or
    # a lost data directory keeps them. Domains are never someone else's: the TLDs are
    # reserved or never delegated (``_PRIVATE_TLDS``).

    @property
    def company(self) -> str:
        """``kestrel-it``: what the company calls itself in its domain."""
        company = self.pick("name/company", _COMPANIES)
        return company + self.pick("name/company/suffix", _COMPANY_SUFFIXES)

    @property
    def domain(self) -> str:
        """``corp.kestrel-it.internal``: a small company's internal domain."""
        site = self.pick("name/site", _SITES)
        return f"{site}{self.company}.{self.pick('name/tld', _PRIVATE_TLDS)}"

    @property
    def site_title(self) -> str:
        """``Kestrel Intranet``: what the web site calls itself."""
        word = self.pick("name/company", _COMPANIES).capitalize()
        return f"{word} {self.pick('name/site-kind', _SITE_KINDS)}"

    @property
    def app_slug(self) -> str:
        """``kestrel_portal``: the web application's database, user and repository name."""
        word = self.pick("name/company", _COMPANIES)
        return f"{word}_{self.pick('name/app', ('app', 'web', 'portal', 'intranet', 'site'))}"

    @property
    def host_name(self) -> str:
        """What ``hostname`` prints: ``web03``, ``srv-app-2``, ``ubuntu-2gb-fra1-01`` or
        ``ip-10-1-2-3``, as admins and cloud images name small servers."""
        role = self.pick("name/role", _ROLES)
        n = self.number("name/n", 1, 99)
        style = self.number("name/style", 0, 5)
        if style == 0:
            return f"{role}{n:02d}"
        if style == 1:
            other = self.pick("name/role2", _ROLES)
            return f"srv-{other}-{n}" if other != role else f"{role}-{n}"
        if style == 2:
            image = self.pick("name/image", _IMAGES)
            size = self.pick("name/size", _SIZES)
            return f"{image}-{size}-{self.pick('name/region', _REGIONS)}-{n:02d}"
        if style == 3:
            return "ip-" + str(self.private_address).replace(".", "-")
        if style == 4:
            company = self.pick("name/company", _COMPANIES)[:4]
            return f"{company}-{role}{n:02d}"
        return f"{role}{self.number('name/n4', 1, 20)}-{self.pick('name/region', _REGIONS)}"

    @property
    def web_host(self) -> str:
        return f"{self.pick('name/web', _WEB_LABELS)}.{self.domain}"

    @property
    def mail_host(self) -> str:
        return f"{self.pick('name/mail', _MAIL_LABELS)}.{self.domain}"

    @property
    def name_server(self) -> str:
        return f"ns{self.number('name/ns', 1, 2)}.{self.domain}"

    @property
    def contact(self) -> str:
        """Who to call about the machine, as snmpd.conf's sysContact: a mailbox of the domain."""
        mailbox = f"{self.pick('name/contact', _PEOPLE)}@{self.domain}"
        if self.number("name/contact/form", 0, 1):
            return mailbox
        return f"{self.pick('name/contact/who', ('IT', 'Sysadmin', 'Ops team', 'NOC'))} <{mailbox}>"

    @property
    def location(self) -> str:
        """Where the machine stands, as snmpd.conf's sysLocation: a room, a city, a rack."""
        room = self.pick("name/room", _ROOMS)
        city = self.pick("name/city", _CITIES)
        rack = f"{'ABCDEFGH'[self.number('name/rack', 0, 7)]}{self.number('name/rack/n', 1, 42)}"
        return f"{room}, {city}, rack {rack}"

    @property
    def root_uuid(self) -> str:
        """The root file system's UUID, as the kernel command line names it."""
        h = self.hexa("disk/root-uuid", 32)
        h = h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) % 4] + h[17:]
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def mysql_connection_id(self, now: float) -> int:
        """The thread id MySQL gives the next client: counted from 1 at start, a busy server
        has handed out many since."""
        rate = self.number("mysql/connection-rate", 30, 600)
        return 8 + self.number("mysql/connection-base", 0, 40) + self.uptime(now) // rate

    # --- the network ---------------------------------------------------------------------

    @property
    def mac(self) -> str:
        oui = OUIS[self.number("mac/oui", 0, len(OUIS) - 1)]
        tail = self.draw("mac/nic", 3)
        return oui + ":" + ":".join(f"{b:02x}" for b in tail)

    @property
    def network(self) -> ipaddress.IPv4Network:
        """The /24 the fake machine sits in, in one of the three private ranges."""
        kind = self.number("net/range", 0, 2)
        if kind == 0:
            return ipaddress.IPv4Network(
                f"10.{self.number('net/10b', 0, 255)}.{self.number('net/10c', 0, 255)}.0/24"
            )
        if kind == 1:
            return ipaddress.IPv4Network(
                f"172.{self.number('net/172b', 16, 31)}.{self.number('net/172c', 0, 255)}.0/24"
            )
        return ipaddress.IPv4Network(f"192.168.{self.number('net/192c', 0, 255)}.0/24")

    def neighbour(self, label: str) -> ipaddress.IPv4Address:
        """Another host of the same /24 (not .0, .1 or .255), e.g. the database server."""
        return self.network.network_address + self.number(f"net/host/{label}", 2, 254)

    @property
    def private_address(self) -> ipaddress.IPv4Address:
        return self.neighbour("self")

    @property
    def gateway(self) -> ipaddress.IPv4Address:
        return self.network.network_address + 1

    def shown_address(self, connection: Connection | None) -> ipaddress.IPv4Address:
        """The address ``ip a`` shows: the one the attacker connected to, unless it says
        nothing (loopback, unspecified, IPv6), then the seed's private address."""
        if connection is not None:
            try:
                local = ipaddress.ip_address(plain_host(connection.local.host))
            except ValueError:
                local = None
            if (
                isinstance(local, ipaddress.IPv4Address)
                and not local.is_loopback
                and not local.is_unspecified
            ):
                return local
        return self.private_address

    # --- time ----------------------------------------------------------------------------

    @property
    def install_time(self) -> float:
        """When the fake machine was installed: 4 months to 2.5 years before first_start."""
        return self.first_start - self.number("time/install", 120 * DAY, 900 * DAY)

    @property
    def boot_time(self) -> float:
        """When the fake machine last booted: 3 to 90 days before the node first ran, so
        uptime = now - boot_time only grows, across restarts of the daemon."""
        return self.first_start - self.number("time/boot", 3 * DAY, 90 * DAY)

    def moment(self, label: str, after: float, before: float) -> float:
        """A seed-chosen moment in [after, before]: a file's date, a login."""
        if before <= after:
            return after
        return after + self.number(f"time/at/{label}", 0, int(before - after))

    def uptime(self, now: float) -> int:
        return max(0, int(now - self.boot_time))

    def previous_login(self, now: float) -> tuple[float, str]:
        """When and from where the admin last logged in before ``now``: logins come every
        ``period`` hours at a seed-chosen phase, each from the seed's admin address."""
        period = self.number("login/period", 18, 70) * 3600
        phase = self.number("login/phase", 0, period - 1)
        last = self.boot_time + phase + ((now - 3600 - self.boot_time - phase) // period) * period
        if last >= now - 600 or last < self.boot_time:
            last = self.boot_time + self.number("login/first", 600, 7200)
        return last, self.admin_address

    @property
    def admin_address(self) -> str:
        """Where the admin logs in from: a host of the same /24 or a public address."""
        if self.number("login/where", 0, 2) < 2:
            return str(self.neighbour("admin"))
        first = _PUBLIC_FIRST[self.number("login/public/a", 0, len(_PUBLIC_FIRST) - 1)]
        rest = ".".join(str(self.number(f"login/public/{i}", 1, 254)) for i in "bcd")
        return f"{first}.{rest}"

    # --- processes -----------------------------------------------------------------------

    def pid(self, service: str) -> int:
        """A boot-time service's pid: handed out in boot order, with seed-chosen gaps."""
        pid = self.number("pid/start", 170, 330)
        for name in SERVICES:
            if name == service:
                return pid
            pid += self.number(f"pid/gap/{name}", 2, 140)
        return pid + self.number(f"pid/other/{service}", 1, 400)

    def next_pid(self, now: float, salt: int = 0) -> int:
        """The pid a process started at ``now`` gets: the counter grows with the uptime."""
        rate = self.number("pid/rate", 15, 90)  # seconds per pid, on average
        base = self.pid("apache2") + 400
        return (base + self.uptime(now) // rate + salt % 7) % 4_194_000 + 300

    # --- accounts and secrets ------------------------------------------------------------

    def shadow_hash(self, user: str) -> str:
        """A yescrypt-looking hash, as Debian 12 writes: ``$y$j9T$`` salt (22) ``$`` hash (43)."""
        salt = self.text(f"shadow/salt/{user}", CRYPT64, 22)
        digest = self.text(f"shadow/hash/{user}", CRYPT64, 43)
        return f"$y$j9T${salt}${digest}"

    @property
    def password_day(self) -> int:
        """The last password change, in days since the epoch (/etc/shadow's third field)."""
        return int(self.install_time // DAY)

    @property
    def machine_id(self) -> str:
        return self.hexa("machine-id", 32)

    def host_key_line(self, kind: str) -> str:
        """An OpenSSH public key line (``ssh-ed25519 AAAA...``) for a host key the fake
        machine shows when no real one is at hand; its fingerprint is that of its blob."""
        name, size = {"rsa": ("ssh-rsa", 0), "ed25519": ("ssh-ed25519", 32)}[kind]
        field = name.encode()
        blob = len(field).to_bytes(4) + field
        if kind == "rsa":
            modulus = b"\x00" + bytes([0x80 | self.draw("hostkey/rsa/top", 1)[0]])
            modulus += self.draw("hostkey/rsa/n", 382) + bytes(
                [self.draw("hostkey/rsa/lo", 1)[0] | 1]
            )
            blob += (3).to_bytes(4) + b"\x01\x00\x01" + len(modulus).to_bytes(4) + modulus
        else:
            blob += size.to_bytes(4) + self.draw("hostkey/ed25519", size)
        return f"{name} {base64.b64encode(blob).decode()}"

    @property
    def interface(self) -> str:
        """The NIC's name as Debian 12's predictable naming gives it on such a machine."""
        names = {
            "KVM": ("ens3", "ens18", "enp1s0"),  # libvirt, Proxmox, virt-manager q35
            "VMware": ("ens192", "ens160", "ens33"),
            "Microsoft": ("eth0",),
            "Xen": ("enX0",),
        }.get(self.hypervisor, ("eno1", "eno1np0", "enp3s0f0"))
        if self.mac.startswith("08:00:27"):  # VirtualBox
            names = ("enp0s3",)
        return names[self.number("nic", 0, len(names) - 1)]

    @property
    def app_key(self) -> str:
        return "base64:" + base64.b64encode(self.draw("env/app-key", 32)).decode()

    def password(self, label: str) -> str:
        """A password an admin would pick: Word + digits + symbol + word."""
        word = _WORDS[self.number(f"pw/{label}/w1", 0, len(_WORDS) - 1)]
        other = _WORDS[self.number(f"pw/{label}/w2", 0, len(_WORDS) - 1)].lower()
        digits = self.number(f"pw/{label}/d", 10, 9999)
        symbol = _SYMBOLS[self.number(f"pw/{label}/s", 0, len(_SYMBOLS) - 1)]
        tail = self.text(f"pw/{label}/t", _ALNUM, 3)
        return f"{word}{digits}{symbol}{other}{tail}"

    @property
    def aws_key_id(self) -> str:
        return "AKIA" + self.text("env/aws-id", _BASE32, 16)

    @property
    def aws_secret(self) -> str:
        return self.text("env/aws-secret", _AWS_SECRET, 40)

    @property
    def git_token(self) -> str:
        return "ghp_" + self.text("git/token", _ALNUM, 36)

    # --- hardware -----------------------------------------------------------------------

    @property
    def cpus(self) -> int:
        return (1, 2, 2, 4, 4, 8)[self.number("hw/cpus", 0, 5)]

    @property
    def memory_kib(self) -> int:
        """MemTotal: a VM's 2, 4, 8 or 16 GiB less what the kernel keeps, as ``free`` shows."""
        gib = (2, 4, 4, 8, 8, 16)[self.number("hw/memory", 0, 5)]
        return gib * 1024 * 1024 * 96 // 100 + self.number("hw/memory/kib", 0, 30000)

    @property
    def cpu(self) -> tuple[str, int, int, float, int]:
        """The processor: model name, model, stepping, MHz, cache (KB), as /proc/cpuinfo."""
        return CPUS[self.number("hw/cpu", 0, len(CPUS) - 1)]

    @property
    def hypervisor(self) -> str:
        """What lscpu names as the hypervisor, from the NIC's vendor ("" on bare metal)."""
        return _HYPERVISORS.get(self.mac[:8], "")

    @property
    def disk_gib(self) -> int:
        return (20, 25, 30, 40, 50, 60, 80, 100, 120, 160)[self.number("hw/disk", 0, 9)]

    # --- Redis -----------------------------------------------------------------------------

    @property
    def redis_run_id(self) -> str:
        return self.hexa("redis/run-id", 40)

    @property
    def redis_replid(self) -> str:
        return self.hexa("redis/replid", 40)

    def redis_client_id(self, now: float) -> int:
        """Redis numbers clients from 1 at start; a busy cache has seen many since boot."""
        rate = self.number("redis/client-rate", 20, 300)
        return 3 + self.uptime(now) // rate


#: Facts for a trap built without a node's own (tests); the appliance always passes its own
#: (``registry.TrapContext.facts``).
PLACEHOLDER_FACTS = NodeFacts(b"honeymesh placeholder persona", 1_700_000_000.0)


def stamp(when: float, fmt: str) -> str:
    """A UTC time formatted as the fake machine's tools print it (TZ is UTC there)."""
    return datetime.fromtimestamp(when, UTC).strftime(fmt)


def ctime(when: float) -> str:
    """``Sat Dec  5 22:14:03 2026``: ctime's format, as sshd's "Last login" and wtmp use."""
    moment = datetime.fromtimestamp(when, UTC)
    return moment.strftime("%a %b ") + f"{moment.day:2d}" + moment.strftime(" %H:%M:%S %Y")


def fingerprint(key_line: str) -> str:
    """``ssh-keygen -lf``'s ``SHA256:...`` of an OpenSSH public key line."""
    blob = base64.b64decode(key_line.split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
