#!/usr/bin/env bash
# `make image`: an appliance root file system, Debian 12 (bookworm) with HoneyMesh installed,
# packed as dist/honeymesh-<version>-bookworm-amd64.tar.gz for systemd-nspawn,
# `machinectl import-tar` or `podman import` (docs/DEPLOY.md).
#
#   scripts/build-image.sh DEB [OUTDIR]          the tarball (default OUTDIR dist/)
#   scripts/build-image.sh --root DEB ROOTDIR    only the root file system, unpacked at ROOTDIR
#
# The Debian base (debootstrap, minbase, plus systemd and every package the .deb depends on)
# takes minutes to download and unpack, so it is made once and kept as a tarball under
# dist/cache/, named after what it holds; each image starts from a copy of it, so the image's
# packages are those of the base's day until dist/cache is removed. Needs root.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
say() { printf 'image: %s %s\n' "$(date +%T)" "$*"; }
[ "$(id -u)" = 0 ] || { say "needs root (debootstrap, chroot)"; exit 1; }

root_only=0
if [ "${1:-}" = --root ]; then
    root_only=1
    shift
fi
deb=$(realpath "$1")
[ -f "$deb" ] || { say "no package at $1 (make deb)"; exit 1; }
version=$(dpkg-deb -f "$deb" Version)
mirror=${HONEYMESH_MIRROR:-http://deb.debian.org/debian}

# What the base holds: systemd as init (for nspawn --boot and machinectl), and the .deb's own
# dependencies, so installing it needs no network.
include=systemd,systemd-sysv,dbus,procps,iproute2,nftables,adduser,init-system-helpers
include=$include,python3,python3-venv,python3-bpfcc,libbpfcc,libbpf1,linux-headers-amd64
cache=$here/dist/cache
base=$cache/bookworm-base-$(printf '%s %s' "$include" "$mirror" | sha256sum | cut -c1-12).tar
if [ ! -f "$base" ]; then
    say "making the Debian 12 base once (debootstrap; minutes): $base"
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/debootstrap.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    debootstrap --variant=minbase --include="$include" bookworm "$tmp/root" "$mirror" \
        >"$tmp.log" 2>&1 || { tail -n 20 "$tmp.log"; say "debootstrap failed ($tmp.log)"; exit 1; }
    chroot "$tmp/root" apt-get clean
    tar --numeric-owner -C "$tmp/root" -cf "$base.part" .
    mv "$base.part" "$base"
    rm -rf "$tmp" "$tmp.log"
    trap - EXIT
fi

if ((root_only)); then
    root=$(realpath -m "$2")
    mkdir -p "$root"
else
    out=$(realpath -m "${2:-$here/dist}")
    mkdir -p "$out"
    work=$(mktemp -d /tmp/honeymesh-image.XXXXXX)
    trap 'rm -rf "$work"' EXIT
    root=$work/root
    mkdir "$root"
fi
say "unpacking the base into $root"
tar --numeric-owner -C "$root" -xf "$base"

say "installing $(basename "$deb")"
cp "$deb" "$root/tmp/honeymesh.deb"
# No init runs in a chroot; the policy-rc.d is there so nothing would start even if one did.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
kver=$(uname -r)
had_modules=0
[ -e "$root/lib/modules/$kver" ] && had_modules=1
chroot "$root" env DEBIAN_FRONTEND=noninteractive dpkg -i /tmp/honeymesh.deb >"$root/tmp/dpkg.log" 2>&1 ||
    { cat "$root/tmp/dpkg.log"; say "dpkg -i failed"; exit 1; }
rm -f "$root/usr/sbin/policy-rc.d" "$root/tmp/honeymesh.deb" "$root/tmp/dpkg.log"
# postinst linked headers for the kernel building the image; the one running it links its own
# at the service's start (ExecStartPre).
((had_modules)) || rm -rf "${root:?}/lib/modules/$kver"

# A machine of its own on first boot: no machine id (systemd makes one), its own host name.
: >"$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id"
echo honeymesh >"$root/etc/hostname"
ln -sf /lib/systemd/system/systemd-networkd.service \
    "$root/etc/systemd/system/multi-user.target.wants/systemd-networkd.service"

if ((root_only)); then
    say "root file system ready at $root"
    exit 0
fi
image=$out/honeymesh-${version}-bookworm-amd64.tar.gz
say "packing $image"
tar --numeric-owner -C "$root" -czf "$image.part" .
mv "$image.part" "$image"
say "built $image ($(du -h "$image" | cut -f1))"
