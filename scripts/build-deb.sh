#!/usr/bin/env bash
# `make deb`: dist/honeymesh_<version>_amd64.deb, the appliance as operators install it.
#
#   /opt/honeymesh            a virtual environment of Debian's /usr/bin/python3 holding the
#                             wheel and its Python dependencies; bcc linked in from Debian's
#                             python3-bpfcc (never PyPI's "bcc")
#   /opt/honeymesh/libexec/   kernel-headers (ExecStartPre: headers for bcc)
#   /usr/bin/honeymesh        the CLI, with the packaged configuration as its default
#   /etc/honeymesh/           honeymesh.toml, a conffile
#   /lib/systemd/system/      honeymesh.service
#   /var/lib/honeymesh/       state: made by postinst and the service, removed only on purge
#
# The venv must work where it is installed, so it is built AT /opt/honeymesh: in a private
# mount namespace (unshare -m) a tmpfs hides the machine's /opt and the staging directory is
# bound over /opt/honeymesh; every shebang and pyvenv.cfg path is then already right, and the
# machine's own /opt (an installed HoneyMesh, say) is never touched. Needs root (the mounts).
#
# Usage: scripts/build-deb.sh [OUTDIR]   (default dist/)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$here/dist}")
say() { printf "deb: %s %s\n" "$(date +%T)" "$*"; }
[ "$(id -u)" = 0 ] || { say "needs root (a mount namespace for /opt/honeymesh)"; exit 1; }

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$here/honeymesh/__init__.py")
work=$(mktemp -d /tmp/honeymesh-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
stage=$work/root
mkdir -p "$out" "$stage/opt/honeymesh" "$work/src" "$work/wheel"

# The wheel, built from a copy of the tree (never the checkout's build/ or egg-info, which a
# concurrent `pip install -e` or test may be using).
say "building the wheel of honeymesh $version"
(cd "$here" && git ls-files -z --cached --others --exclude-standard) |
    (cd "$here" && xargs -0 cp --parents -t "$work/src" 2>/dev/null || true)
/usr/bin/python3 -m venv "$work/buildenv"
"$work/buildenv/bin/pip" install -q --upgrade pip setuptools wheel
"$work/buildenv/bin/pip" wheel -q --no-deps --no-build-isolation -w "$work/wheel" "$work/src"
wheel=$(ls "$work"/wheel/honeymesh-*.whl)

# Every wheel first, here (pip's own configuration and caches apply), then the install below
# from those files alone: inside the namespace the machine's /opt is hidden.
say "fetching its dependencies"
"$work/buildenv/bin/pip" download -q -d "$work/wheel" "$wheel" pip

say "installing it with its dependencies at /opt/honeymesh (private mount namespace)"
unshare -m --propagation private sh -euc '
    mount -t tmpfs tmpfs /opt
    mkdir /opt/honeymesh
    mount --bind "$1" /opt/honeymesh
    /usr/bin/python3 -m venv /opt/honeymesh
    /opt/honeymesh/bin/pip install -q --no-compile --no-index --find-links "$3" --upgrade pip
    /opt/honeymesh/bin/pip install -q --no-compile --no-index --find-links "$3" "$2"
    /opt/honeymesh/bin/pip uninstall -q -y pip
' sh "$stage/opt/honeymesh" "$wheel" "$work/wheel"
say "trimming the environment"
site=$(ls -d "$stage"/opt/honeymesh/lib/python3*/site-packages)
ln -s /usr/lib/python3/dist-packages/bcc "$site/bcc"
# An appliance, not a development environment: no pip (nothing is installed into it after the
# package), and of the dependencies' commands only the two the service and operators run.
for f in "$stage"/opt/honeymesh/bin/*; do
    case ${f##*/} in
    honeymesh | twistd | python | python3 | python3.* | activate) ;;
    *) rm -f "$f" ;;
    esac
done
find "$stage/opt/honeymesh" -name __pycache__ -type d -prune -exec rm -rf {} +
find "$stage/opt/honeymesh" -name .gitignore -type f -delete
# As Debian strips its own: the wheels' shared objects carry symbols no one here debugs.
find "$stage/opt/honeymesh" -type f \( -name '*.so' -o -path '*/_flatc/bin/flatc' \) \
    -exec strip --remove-section=.comment --remove-section=.note --strip-unneeded {} +

install -D -m 0755 "$here/packaging/kernel-headers" "$stage/opt/honeymesh/libexec/kernel-headers"
install -D -m 0755 "$here/packaging/honeymesh.cli" "$stage/usr/bin/honeymesh"
install -D -m 0644 "$here/packaging/honeymesh.service" "$stage/lib/systemd/system/honeymesh.service"

# The configuration: `honeymesh init`'s own template with the package's data directory, no
# admin token (set one: docs/DEPLOY.md) and the host's name as the node's name.
mkdir -p "$stage/etc/honeymesh"
"$stage/opt/honeymesh/bin/python" - "$stage/etc/honeymesh/honeymesh.toml" <<'PY'
import re, sys
from pathlib import Path
from honeymesh.provision import render_config
text = render_config(data_dir=Path("/var/lib/honeymesh"), mode="test", interfaces=(),
                     token_sha256="", name="@")
text = text.replace('name = "@"', "# name = \"...\"  (default: this host's name)")
text = re.sub(r'(?m)^(admin_token_sha256 = "")', r"# Set one: docs/DEPLOY.md. Empty: only root's `honeymesh` on this node.\n\1", text)
Path(sys.argv[1]).write_text(text)
PY
chmod 0644 "$stage/etc/honeymesh/honeymesh.toml"
find "$stage/opt/honeymesh" -name __pycache__ -type d -prune -exec rm -rf {} +

doc=$stage/usr/share/doc/honeymesh
install -D -m 0644 "$here/packaging/debian/copyright" "$doc/copyright"
install -D -m 0644 "$here/packaging/debian/lintian-overrides" \
    "$stage/usr/share/lintian/overrides/honeymesh"
install -m 0644 "$here/docs/DEPLOY.md" "$doc/DEPLOY.md"
printf 'honeymesh (%s) stable; urgency=medium\n\n  * Built from %s.\n\n -- HoneyMesh engineering <packaging@honeymesh.invalid>  %s\n' \
    "$version" "$(cd "$here" && git rev-parse --short HEAD)" "$(date -R)" | gzip -9n >"$doc/changelog.gz"

mkdir -p "$stage/DEBIAN"
install -m 0644 "$here/packaging/debian/conffiles" "$stage/DEBIAN/conffiles"
install -m 0755 "$here/packaging/debian/postinst" "$here/packaging/debian/prerm" \
    "$here/packaging/debian/postrm" "$stage/DEBIAN/"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/packaging/debian/control.in" \
    >"$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z |
    xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"

deb=$out/honeymesh_${version}_amd64.deb
say "packing"
# Written aside and renamed: a reader (a test, apt) never sees half a package.
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$work/out.deb" >/dev/null
mv -f "$work/out.deb" "$deb.part" && mv -f "$deb.part" "$deb"
say "built $deb ($(du -h "$deb" | cut -f1))"
