#!/usr/bin/env bash
# Installs the Lodestar Warden on this node as a systemd service and enrolls it with the Supervisor.
# The developer's path: run it as root from a Lodestar checkout where the Warden is built
# (warden/target/quarkus-app); it uses the node's own Java. Nodes install from the Supervisor instead
# (curl -fsSL https://SUPERVISOR/install/warden.sh | sudo sh -s -- --token TOKEN, see docs/operating/warden.md).
#
#   install-warden.sh --supervisor HOST:PORT --token TOKEN [options]
#
#   --supervisor ADDR   the Supervisor's gRPC address: host:port, grpc://host:port, grpcs://host:port (TLS)
#   --token TOKEN       the one-time token from POST /agents/enrollments
#   --warden-app DIR    the Warden's Quarkus app folder (default: warden/target/quarkus-app beside this script)
#   --root DIR          install below DIR instead of / (packaging, tests); no user is created then
#   --systemctl CMD     the systemctl to call (default: systemctl; also $SYSTEMCTL)
#   --java PATH         the java (17+) that runs the Warden for enrollment (default: java on PATH; also $JAVA)
#
# What it does, in order, stopping at the first failure:
#   1. creates the system user lodestar-warden (unless --root)
#   2. copies the Warden to /opt/lodestar-warden
#   3. writes /etc/lodestar-warden/warden.properties unless it exists (later runs keep your edits)
#   4. installs the unit /etc/systemd/system/lodestar-warden.service and the polkit rule
#      /etc/polkit-1/rules.d/50-lodestar-warden.rules (systemd driver without root)
#   5. enrolls: `warden enroll` stores the node's identity (0600) in /var/lib/lodestar-warden and the
#      Supervisor's address in the config; a node that already has an identity keeps it
#   6. systemctl daemon-reload; systemctl enable --now lodestar-warden.service
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
UNIT=lodestar-warden.service
USER_NAME=lodestar-warden

supervisor="" token="" root="" app="$REPO/warden/target/quarkus-app"
systemctl="${SYSTEMCTL:-systemctl}" java="${JAVA:-java}"

say() { printf 'install-warden: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --supervisor) supervisor="${2:-}"; shift 2 ;;
        --token) token="${2:-}"; shift 2 ;;
        --warden-app) app="${2:-}"; shift 2 ;;
        --root) root="${2:-}"; shift 2 ;;
        --systemctl) systemctl="${2:-}"; shift 2 ;;
        --java) java="${2:-}"; shift 2 ;;
        -h|--help) usage ;;
        *) say "unknown option $1"; usage ;;
    esac
done
[[ -n "$supervisor" && -n "$token" ]] || { say "--supervisor and --token are required"; usage; }
[[ -f "$app/quarkus-run.jar" ]] || die "no Warden at $app (quarkus-run.jar missing); build it with ./mvnw -B -pl warden -am package -DskipTests or pass --warden-app"
command -v "$java" >/dev/null || die "java not found; install Java 17 or later (Debian: apt-get install openjdk-17-jre-headless) or pass --java"
if [[ -z "$root" && $(id -u) -ne 0 ]]; then die "run as root (it creates a user and installs a systemd unit), or pass --root DIR"; fi

opt="$root/opt/lodestar-warden"
etc="$root/etc/lodestar-warden"
config="$etc/warden.properties"
state="$root/var/lib/lodestar-warden"

if [[ -z "$root" ]]; then
    if ! id "$USER_NAME" >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/lodestar-warden --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
        say "created the system user $USER_NAME"
    fi
fi

say "installing the Warden in $opt"
rm -rf "$opt.new"
mkdir -p "$opt.new/bin"
cp -R "$app" "$opt.new/app"
# The same layout as the release bundle (bin/warden, app/, share/), with the node's own Java.
cat > "$opt.new/bin/warden" <<LAUNCHER
#!/bin/sh
exec "$(command -v "$java")" -Xmx64m -XX:+UseSerialGC \$LODESTAR_JAVA_OPTS -jar "/opt/lodestar-warden/app/quarkus-run.jar" "\$@"
LAUNCHER
chmod 0755 "$opt.new/bin/warden"
rm -rf "$opt"
mv "$opt.new" "$opt"

mkdir -p "$etc" "$state"
if [[ ! -f "$config" ]]; then
    cat > "$config" <<CONF
# Lodestar Warden configuration; every key is documented in docs/operating/warden.md.
# warden enroll writes warden.supervisor.* below.
warden.state-dir=$state
CONF
    say "wrote $config"
else
    say "keeping $config"
fi

install -D -m 0644 "$HERE/../systemd/lodestar-warden.service" "$root/etc/systemd/system/$UNIT"
install -D -m 0644 "$HERE/../systemd/lodestar-warden.rules" "$root/etc/polkit-1/rules.d/50-lodestar-warden.rules"

if [[ -f "$state/identity.json" ]]; then
    say "this node is already enrolled ($state/identity.json); keeping its identity"
else
    "$java" -Dquarkus.config.locations="$config" -Dquarkus.log.level=WARN -jar "$opt/app/quarkus-run.jar" \
        enroll --supervisor "$supervisor" --token "$token" --config "$config" \
        || die "enrollment failed (see the message above); nothing was started"
fi
if [[ -z "$root" ]]; then
    chown -R "$USER_NAME:$USER_NAME" "$state"
    chown -R "root:$USER_NAME" "$etc"
    chmod 0750 "$etc"
fi

$systemctl daemon-reload
$systemctl enable --now "$UNIT"
say "the Warden runs as $UNIT; follow it with: journalctl -u $UNIT -f"
