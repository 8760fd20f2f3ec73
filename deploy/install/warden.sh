#!/bin/sh
# Installs the Lodestar Warden on this node from its Supervisor, in one line:
#
#   curl -fsSL https://SUPERVISOR/install/warden.sh | sudo sh -s -- --token TOKEN
#
# The Supervisor serves this script (GET /install/warden.sh) with its own address filled in below,
# and the Warden's release bundle beside it. The node needs no Java, no Maven and no checkout.
#
#   --token TOKEN       the one-time token from POST /agents/enrollments (required)
#   --url URL           where to download the bundle (default: the Supervisor that served this script)
#   --supervisor ADDR   the gRPC address to enroll with: host:port, grpcs://host:port (default: the served one)
#   --root DIR          install below DIR instead of / (packaging, tests): no user is created, root is not required
#   --systemctl CMD     the systemctl to call (default: systemctl; also $SYSTEMCTL)
#   --arch ARCH         the bundle's architecture (default: from uname -m: amd64 or arm64)
#
# What it does, in order; nothing is installed until the download is verified and the node enrolled:
#   1. checks: root, systemd, curl or wget, sha256sum
#   2. downloads lodestar-warden-linux-ARCH.tar.gz and its .sha256, verifies the checksum
#   3. enrolls with the downloaded Warden into a scratch folder (a wrong token stops here)
#   4. creates the system user lodestar-warden; installs the bundle in /opt/lodestar-warden
#   5. writes /etc/lodestar-warden/warden.properties (an existing one is kept, only the Supervisor's
#      address is updated), the identity (0600) in /var/lib/lodestar-warden, the unit and polkit rule
#   6. systemctl daemon-reload; enable --now (restart when the Warden was already installed)
# Running it again on an enrolled node upgrades the Warden and keeps its identity and configuration.
set -eu

LODESTAR_URL='@LODESTAR_URL@'
LODESTAR_GRPC='@LODESTAR_GRPC@'
UNIT=lodestar-warden.service
USER_NAME=lodestar-warden

token="" root="" arch="" systemctl_cmd="${SYSTEMCTL:-}" url="$LODESTAR_URL" grpc="$LODESTAR_GRPC"

say() { printf 'lodestar-warden install: %s\n' "$*" >&2; }
die() { say "$*"; say "nothing was installed or changed"; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --token) token="${2:-}"; shift 2 ;;
        --url) url="${2:-}"; shift 2 ;;
        --supervisor) grpc="${2:-}"; shift 2 ;;
        --root) root="${2:-}"; shift 2 ;;
        --systemctl) systemctl_cmd="${2:-}"; shift 2 ;;
        --arch) arch="${2:-}"; shift 2 ;;
        -h|--help) sed -n '2,25p' "$0" 2>/dev/null | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
        *) say "unknown option $1 (options: --token --url --supervisor --root --systemctl --arch)"; exit 2 ;;
    esac
done

[ -n "$token" ] || { say "--token is required: the token from POST /agents/enrollments"; exit 2; }
case "$url" in @*) die "this script was not served by a Supervisor; pass --url https://SUPERVISOR" ;; esac
case "$grpc" in @*) die "this script was not served by a Supervisor; pass --supervisor HOST:PORT" ;; esac
url="${url%/}"

# 1. checks, before anything is downloaded
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
    die "run as root: curl -fsSL $url/install/warden.sh | sudo sh -s -- --token TOKEN"
fi
if [ -z "$systemctl_cmd" ]; then
    if ! command -v systemctl >/dev/null 2>&1 || [ ! -d /run/systemd/system ]; then
        die "this node does not run systemd (no /run/systemd/system); the Warden is installed as a systemd service. Run it by hand instead: see docs/operating/warden.md"
    fi
    systemctl_cmd=systemctl
fi
if command -v curl >/dev/null 2>&1; then
    fetch() { curl -fsSL --retry 2 -o "$2" "$1"; }
elif command -v wget >/dev/null 2>&1; then
    fetch() { wget -q -O "$2" "$1"; }
else
    die "neither curl nor wget is installed"
fi
command -v sha256sum >/dev/null 2>&1 || die "sha256sum is missing (Debian: coreutils)"
if [ -z "$arch" ]; then
    case "$(uname -m)" in
        x86_64|amd64) arch=amd64 ;;
        aarch64|arm64) arch=arm64 ;;
        *) die "no Warden bundle for this machine ($(uname -m)); bundles exist for amd64 and arm64" ;;
    esac
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT INT TERM

# 2. download and verify
bundle="lodestar-warden-linux-$arch.tar.gz"
say "downloading $url/install/$bundle"
fetch "$url/install/$bundle" "$scratch/$bundle" || die "cannot download $url/install/$bundle (see the message above)"
fetch "$url/install/$bundle.sha256" "$scratch/$bundle.sha256" || die "cannot download $url/install/$bundle.sha256"
expected="$(cut -d' ' -f1 < "$scratch/$bundle.sha256")"
actual="$(sha256sum "$scratch/$bundle" | cut -d' ' -f1)"
[ -n "$expected" ] && [ "$expected" = "$actual" ] \
    || die "checksum mismatch for $bundle: expected $expected, got $actual; the download is damaged or not the Supervisor's"
mkdir "$scratch/unpacked"
tar -C "$scratch/unpacked" -xzf "$scratch/$bundle" || die "cannot unpack $bundle"
new="$scratch/unpacked/lodestar-warden"
[ -x "$new/bin/warden" ] || die "$bundle holds no lodestar-warden/bin/warden"
say "verified Warden $(cat "$new/VERSION" 2>/dev/null || echo '?') (sha256 $actual)"

opt="$root/opt/lodestar-warden"
etc="$root/etc/lodestar-warden"
config="$etc/warden.properties"
state="$root/var/lib/lodestar-warden"

# 3. enroll into the scratch folder: the token is spent only if the Supervisor accepts it, and a
#    refusal leaves the node as it was
if [ -f "$state/identity.json" ]; then
    say "this node is already enrolled ($state/identity.json); keeping its identity and configuration"
    enrolled=""
else
    mkdir "$scratch/state"
    printf 'warden.state-dir=%s\n' "$scratch/state" > "$scratch/warden.properties"
    LODESTAR_JAVA_OPTS="-Dquarkus.log.level=WARN" "$new/bin/warden" enroll --supervisor "$grpc" --token "$token" \
        --config "$scratch/warden.properties" >&2 \
        || die "enrollment with $grpc failed (see the message above)"
    enrolled=yes
fi

# 4. user and files
if [ -z "$root" ] && ! id "$USER_NAME" >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/lodestar-warden --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
    say "created the system user $USER_NAME"
fi
upgrade=""
[ -d "$opt" ] && upgrade=yes
mkdir -p "$(dirname "$opt")"
rm -rf "$opt.new" "$opt.old"
cp -R "$new" "$opt.new"
if [ -d "$opt" ]; then mv "$opt" "$opt.old"; fi
mv "$opt.new" "$opt"
rm -rf "$opt.old"
say "installed the Warden in $opt"

# 5. configuration, identity, unit
mkdir -p "$etc" "$state"
if [ -n "$enrolled" ]; then
    address="$(grep '^warden\.supervisor\.' "$scratch/warden.properties")"
    if [ -f "$config" ]; then
        grep -v -E '^warden\.supervisor\.(host|port|tls)=' "$config" > "$scratch/config.kept" || true
        printf '%s\n' "$address" >> "$scratch/config.kept"
        cat "$scratch/config.kept" > "$config"
        say "updated the Supervisor's address in $config"
    else
        {
            echo "# Lodestar Warden configuration; every key is documented in docs/operating/warden.md."
            echo "warden.state-dir=$state"
            printf '%s\n' "$address"
        } > "$config"
        say "wrote $config"
    fi
    (umask 077 && cp "$scratch/state/identity.json" "$state/identity.json.new")
    mv "$state/identity.json.new" "$state/identity.json"
fi
install -D -m 0644 "$opt/share/lodestar-warden.service" "$root/etc/systemd/system/$UNIT"
install -D -m 0644 "$opt/share/lodestar-warden.rules" "$root/etc/polkit-1/rules.d/50-lodestar-warden.rules"
if [ -z "$root" ]; then
    chown -R "$USER_NAME:$USER_NAME" "$state"
    chown -R "root:$USER_NAME" "$etc"
    chmod 0750 "$etc"
fi

# 6. start
$systemctl_cmd daemon-reload
$systemctl_cmd enable --now "$UNIT"
if [ -n "$upgrade" ]; then
    $systemctl_cmd restart "$UNIT"
fi
say "the Warden runs as $UNIT; follow it with: journalctl -u $UNIT -f"
