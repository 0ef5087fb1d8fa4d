#!/usr/bin/env bash
# Idempotent set-up for HoneyMesh on Debian 12.
#
#   scripts/setup.sh run    Debian packages the appliance needs, kernel headers for bcc, .venv
#   scripts/setup.sh test   the above plus test-only tools and Python test dependencies
#
# Every step checks before it acts, so a second run installs nothing and takes seconds.
# It ends by checking that bcc can compile and load an XDP program, and says in one line
# whether kernel enforcement is available.
set -euo pipefail

profile=${1:-run}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
venv="$here/.venv"
python=/usr/bin/python3

say() { printf 'setup: %s\n' "$*"; }

# Debian packages -----------------------------------------------------------------------------
run_pkgs=(python3 python3-venv python3-bpfcc libbpfcc libbpf1 iproute2 nftables)
# Test-only tools: real clients used as attackers, a browser for the dashboard, packet tools.
test_pkgs=(chromium openssh-client sshpass curl nmap tmux openssl gnutls-bin tshark nodejs openjdk-17-jdk-headless golang-go redis-tools default-mysql-client dnsutils snmp)
# Real servers the differential fidelity suite (tests/fidelity) diffs the traps against; the
# tests start each by hand on loopback, so their package scripts must not start them.
test_pkgs+=(redis-server vsftpd postfix mariadb-server bind9 snmpd)
# ssl-cert: Debian's make-ssl-cert, which the fidelity suite compares persona certificates with
# (and which makes the snakeoil certificate a Postfix or Apache install serves).
test_pkgs+=(ssl-cert)
# apache2: the HTTP and TLS traps' persona (Debian's default site) is diffed against it.
test_pkgs+=(apache2)
# rsyslog (imudp, imtcp, mmpstrucdata) and its GnuTLS driver: the collector the syslog output
# is tested against (tests/e2e/rsyslog.py starts its own; the package starts none).
test_pkgs+=(rsyslog rsyslog-gnutls)
# openssh-server and dropbear-bin: the SSH trap's personas are diffed against them (each test
# starts its own on loopback); ssh-audit is the scanner whose verdict the persona must match.
test_pkgs+=(openssh-server dropbear-bin ssh-audit)
# inetutils-telnetd (Debian 12's telnetd; it pulls in inetutils-inetd, which the policy-rc.d keeps
# from starting): the Telnet trap is diffed against it and login(1) (tests/fidelity/test_telnet.py
# hands it each connection as inetd would).
test_pkgs+=(inetutils-telnetd)
# sudo: the fake shell's sudo and su are diffed against Debian's in a real telnet login (their
# prompts, and the pause before a wrong password's answer).
test_pkgs+=(sudo)
# kamailio: the SIP trap's default persona is diffed against it (tests/fidelity/test_sip.py
# starts its own on loopback); sipvicious: svmap, the SIP scanner attackers run.
test_pkgs+=(kamailio sipvicious)
# sslscan: the TLS-speaking traps' cipher suites, groups, DH sizes and protocol versions are
# diffed against apache2's default-ssl and Postfix's STARTTLS with it (test_tls_scan.py).
test_pkgs+=(sslscan)
# hydra: the brute-forcer whose report must read the same of each trap as of its real server.
test_pkgs+=(hydra)
# valgrind: bench/trap_instructions.py counts each server's instructions a session (callgrind).
test_pkgs+=(valgrind)
# The package and the image as operators get them (tests/packaging): lintian on the .deb,
# debootstrap for the Debian 12 root it is installed into, systemd-nspawn to boot it.
test_pkgs+=(lintian debootstrap systemd-container)
# WordPress (with the theme it recommends) and phpMyAdmin under Apache's mod_php: the HTTP
# trap's wordpress and phpmyadmin sites are diffed against them (tests/fidelity/test_webapps.py,
# which also starts their database). libapache2-mod-php switches /etc/apache2 to mpm_prefork
# and enables php8.2; the harness's default-site Apache undoes that in its own copy.
test_pkgs+=(wordpress wordpress-theme-twentytwentythree phpmyadmin libapache2-mod-php php-mysql)

missing_pkgs() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

apt_install() {
    local need
    mapfile -t need < <(missing_pkgs "$@")
    ((${#need[@]})) || return 0
    if [ "$(id -u)" != 0 ]; then
        say "missing Debian packages: ${need[*]}; run as root (or install them) and try again"
        exit 1
    fi
    say "installing Debian packages: ${need[*]}"
    apt-get update -q
    # No init system here, and no service may start behind the tests' back: a policy-rc.d that
    # exits 101 tells invoke-rc.d to start nothing while the packages install (removed after,
    # unless one was already there).
    local policy=/usr/sbin/policy-rc.d placed=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        placed=1
    fi
    # phpMyAdmin's debconf must neither make a database (dbconfig-common) nor touch the
    # web server's configuration: the tests configure both themselves.
    printf '%s\n' 'phpmyadmin phpmyadmin/dbconfig-install boolean false' \
        'phpmyadmin phpmyadmin/reconfigure-webserver multiselect' | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" \
        || { ((placed)) && rm -f "$policy"; exit 1; }
    ((placed)) && rm -f "$policy"
    return 0
}

pkgs=("${run_pkgs[@]}")
[ "$profile" = test ] && pkgs+=("${test_pkgs[@]}")
apt_install "${pkgs[@]}"

# Kernel headers for bcc --------------------------------------------------------------------------
# bcc compiles C at run time against /lib/modules/$(uname -r)/build (arch tree) and source
# (common tree). A kernel that ships no headers gets Debian's generic ones: the XDP program uses
# only stable uapi structures, so a different minor version compiles to the same code.
kver=$(uname -r)
moddir=/lib/modules/$kver
if [ -e "$moddir/build/include/generated/autoconf.h" ] || [ -e "$moddir/build/include/config/auto.conf" ]; then
    say "kernel headers: using $moddir/build"
elif [ "$(id -u)" != 0 ]; then
    say "kernel headers: none for $kver and not root; kernel enforcement will be unavailable"
else
    arch=$(dpkg --print-architecture)
    if apt-cache show "linux-headers-$kver" >/dev/null 2>&1; then
        apt_install "linux-headers-$kver"
        say "kernel headers: installed linux-headers-$kver"
    else
        apt_install "linux-headers-$arch"
        archtree=$(ls -d /usr/src/linux-headers-*-"$arch" 2>/dev/null | sort -V | tail -n 1)
        common=${archtree%-"$arch"}-common
        if [ -d "$archtree" ] && [ -d "$common" ]; then
            mkdir -p "$moddir"
            ln -sfn "$archtree" "$moddir/build"
            ln -sfn "$common" "$moddir/source"
            say "kernel headers: none ship for $kver; linked Debian's $(basename "$archtree") as $moddir/build and source"
        else
            say "kernel headers: linux-headers-$arch gave no usable tree; kernel enforcement will be unavailable"
        fi
    fi
fi

# Python virtual environment ----------------------------------------------------------------------
if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    "$python" -m venv "$venv"
fi
extra=""
[ "$profile" = test ] && extra="[test]"
stamp="$venv/.honeymesh-$profile.stamp"
want=$(cat setup.cfg pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing Python packages into .venv ($profile)"
    log="$venv/pip-install.log"
    {
        "$venv/bin/pip" install --upgrade pip setuptools wheel &&
            # compat mode puts the source tree on sys.path, so twistd finds twisted/plugins/.
            "$venv/bin/pip" install -e ".$extra" --config-settings editable_mode=compat
    } >"$log" 2>&1 || {
        tail -n 40 "$log"
        say "pip install failed; the whole log is in $log"
        exit 1
    }
    echo "$want" >"$stamp"
fi

# bcc's Python bindings: only the bcc package from Debian's dist-packages, nothing else from there.
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
if [ -d /usr/lib/python3/dist-packages/bcc ]; then
    ln -sfn /usr/lib/python3/dist-packages/bcc "$site/bcc"
fi

# Can bcc compile and load XDP here? --------------------------------------------------------------
"$venv/bin/python" -m honeymesh.enforcement.probe || true
