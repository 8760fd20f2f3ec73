#!/usr/bin/env bash
# Builds the Debian package lodestar-warden or lodestar-supervisor from a release bundle
# (deploy/release/build-bundle.sh), with dpkg-deb alone:
#
#   build-deb.sh --bundle lodestar-warden-VERSION-linux-ARCH.tar.gz --out DIR [--version V]
#
# The package holds the bundle in /usr/lib/lodestar-<component> (its own Java runtime: no Java
# dependency), the systemd unit in /lib/systemd/system, and its configuration in /etc as conffiles
# (kept across upgrades, removed on purge). Its maintainer scripts create the system user and the
# state folder and manage the unit only when systemd runs (a chroot or container has none).
# --version defaults to the bundle's version with -SNAPSHOT turned into ~SNAPSHOT (sorts before the
# release) and the package revision -1.
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
DEPLOY="$(cd "$HERE/.." && pwd)"

bundle="" out="" version=""
die() { printf 'build-deb: %s\n' "$*" >&2; exit 1; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bundle) bundle="${2:-}"; shift 2 ;;
        --out) out="${2:-}"; shift 2 ;;
        --version) version="${2:-}"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
[[ -f "$bundle" && -n "$out" ]] || die "usage: build-deb.sh --bundle TARBALL --out DIR [--version V]"
base="$(basename "$bundle" .tar.gz)"                       # lodestar-warden-0.1.0-SNAPSHOT-linux-amd64
[[ "$base" =~ ^lodestar-(warden|supervisor)-(.+)-linux-([a-z0-9]+)$ ]] || die "not a release bundle: $bundle"
component="${BASH_REMATCH[1]}"
arch="${BASH_REMATCH[3]}"
version="${version:-${BASH_REMATCH[2]//-/\~}-1}"
package="lodestar-$component"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir -p "$tree/DEBIAN" "$tree/usr/lib" "$tree/lib/systemd/system" "$tree/usr/share/doc/$package" "$tree/usr/share/lintian/overrides"
tar -C "$tree/usr/lib" -xzf "$bundle"
home="/usr/lib/$package"
[[ -d "$tree$home/bin" ]] || die "$bundle has no $package/bin"

case "$component" in
    warden)
        user=lodestar-warden; state=/var/lib/lodestar-warden; etc=/etc/lodestar-warden
        description="Lodestar Warden, the node agent for Apache Iggy"
        long=" Dials the Lodestar Supervisor and starts, stops and reconfigures the\n node's iggy-server and iggy-connectors runtimes. Enroll the node with\n warden enroll, then enable lodestar-warden.service."
        mkdir -p "$tree$etc" "$tree/etc/polkit-1/rules.d"
        cat > "$tree$etc/warden.properties" <<'CONF'
# Lodestar Warden configuration; every key is documented in docs/operating/warden.md.
# `warden enroll` writes warden.supervisor.* below.
warden.state-dir=/var/lib/lodestar-warden
CONF
        cp "$DEPLOY/systemd/lodestar-warden.rules" "$tree/etc/polkit-1/rules.d/50-lodestar-warden.rules"
        conffiles="$etc/warden.properties /etc/polkit-1/rules.d/50-lodestar-warden.rules"
        ;;
    supervisor)
        user=lodestar; state=/var/lib/lodestar-supervisor; etc=/etc/lodestar
        description="Lodestar Supervisor, the control plane for Apache Iggy clusters"
        long=" The REST API, the database and the gRPC port the Wardens dial. Listens on\n 8080 (API), 9000 (Wardens) and 9100 (health, metrics); settings in\n /etc/lodestar/supervisor.properties."
        mkdir -p "$tree$etc"
        cat > "$tree$etc/supervisor.properties" <<'CONF'
# Lodestar Supervisor settings; every key is documented in docs/operating/supervisor.md.
# Without a datasource the Supervisor keeps its data in an H2 file in /var/lib/lodestar-supervisor.
CONF
        conffiles="$etc/$component.properties"
        ;;
esac
# The unit runs the program from /usr/lib here rather than /opt (Debian policy keeps packages out of /opt).
sed "s|/opt/$package|$home|g" "$DEPLOY/systemd/$package.service" > "$tree/lib/systemd/system/$package.service"
unit="$package.service"

# What lintian says of the bundled runtime and libraries, each for a reason that holds.
cat > "$tree/usr/share/lintian/overrides/$package" <<OVERRIDES
# The package carries its own Java runtime; without debhelper the maintainer scripts call systemctl
# themselves, and only when systemd runs.
$package: maintainer-script-calls-systemctl *
# Multi-release jars of the app carry classes for newer JDKs, used only on those.
$package: unknown-java-class-version *
# The JDK's java.desktop module (java.beans, used by Jackson, OSHI and Quarkus) ships its own
# freetype, lcms2, libjpeg and zlib inside the runtime, which the service never loads.
$package: embedded-library *
# The app's jars are private to it, in the layout Quarkus runs them from.
$package: jar-not-in-usr-share *
$package: codeless-jar *
$package: classpath-contains-relative-path *
# A first release of the package, not an upload to Debian: there are no bugs to close.
$package: initial-upload-closes-no-bugs
OVERRIDES

printf 'Lodestar %s\nCopyright 2026 the Lodestar authors\nSee the project README for the licence of Lodestar and of the components it bundles;\nthe Java runtime'"'"'s licences are in %s/runtime/legal.\n' "$component" "$home" \
    > "$tree/usr/share/doc/$package/copyright"
printf '%s (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Lodestar <packaging@lodestar.invalid>  %s\n' \
    "$package" "$version" "$version" "$(date -R -u -d @"${SOURCE_DATE_EPOCH:-0}")" | gzip -9n > "$tree/usr/share/doc/$package/changelog.Debian.gz"

installed_size="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
cat > "$tree/DEBIAN/control" <<CONTROL
Package: $package
Version: $version
Architecture: $arch
Maintainer: Lodestar <packaging@lodestar.invalid>
Installed-Size: $installed_size
Depends: adduser, libc6
Section: admin
Priority: optional
Homepage: https://lodestar.invalid/
Description: $description
$(printf '%b' "$long")
CONTROL
for file in $conffiles; do echo "$file"; done > "$tree/DEBIAN/conffiles"

cat > "$tree/DEBIAN/postinst" <<POSTINST
#!/bin/sh
# Creates the system user and the state folder; with systemd running, reloads the units and
# (re)starts the service when it can run: the Supervisor always, the Warden once it is enrolled.
set -e
if [ "\$1" = configure ]; then
    if ! getent passwd $user >/dev/null; then
        adduser --system --group --home $state --no-create-home --shell /usr/sbin/nologin --quiet $user
    fi
    mkdir -p $state
    chown $user:$user $state
    chmod 0700 $state
    chown root:$user $etc
    chmod 0750 $etc
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
        if [ "$component" = supervisor ] || [ -f $state/identity.json ]; then
            systemctl enable $unit >/dev/null || true
            systemctl restart $unit || true
        else
            echo "$package: enroll this node, then start the Warden: $home/bin/warden enroll --supervisor HOST:PORT --token TOKEN --config $etc/warden.properties && systemctl enable --now $unit"
        fi
    else
        echo "$package: systemd is not running here; start $home/bin/$([ "$component" = warden ] && echo warden || echo supervisor) yourself (the unit is in /lib/systemd/system/$unit)"
    fi
fi
exit 0
POSTINST

cat > "$tree/DEBIAN/prerm" <<PRERM
#!/bin/sh
# Stops the service before its files go; on an upgrade the new postinst restarts it.
set -e
if [ -d /run/systemd/system ]; then
    case "\$1" in
        remove) systemctl disable --now $unit >/dev/null 2>&1 || true ;;
        upgrade|deconfigure|failed-upgrade) systemctl stop $unit >/dev/null 2>&1 || true ;;
    esac
fi
exit 0
PRERM

cat > "$tree/DEBIAN/postrm" <<POSTRM
#!/bin/sh
# Purge removes the node's data and what enrollment wrote; the system user stays (Debian's rule:
# files it owned elsewhere must not fall to a reused uid).
set -e
if [ "\$1" = purge ]; then
    rm -rf $state
    rm -rf $etc
fi
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || true
fi
exit 0
POSTRM
chmod 0755 "$tree/DEBIAN/postinst" "$tree/DEBIAN/prerm" "$tree/DEBIAN/postrm"
find "$tree" -type d -exec chmod 0755 {} +
find "$tree" -type f ! -perm /111 -exec chmod 0644 {} +
chmod 0644 "$tree/DEBIAN/control" "$tree/DEBIAN/conffiles" "$tree/usr/share/lintian/overrides/$package"

mkdir -p "$out"
deb="$out/${package}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$tree" "$deb" >/dev/null
echo "$deb"
