#!/usr/bin/env bash
# Builds a release bundle of the Warden or the Supervisor from its Quarkus app (fast-jar):
#
#   lodestar-<component>-<version>-linux-<arch>.tar.gz   and   <same>.tar.gz.sha256
#
# holding, under lodestar-<component>/:
#   app/        the Quarkus app (quarkus-run.jar, lib/, ...)
#   runtime/    a Java runtime cut by jlink to the modules the app uses (found with jdeps)
#   lib/<component>.jsa   a class-data-sharing archive made by a training run of that runtime
#   bin/<command>         the launcher (POSIX sh), with the JVM flags for this component
#   share/      the systemd unit (and the Warden's polkit rule)
#   VERSION
#
# Run by the `release` Maven profile (./mvnw -Prelease -DskipTests package) and by the install test.
#
#   build-bundle.sh --component warden|supervisor --app DIR --version V --out DIR [--jdk DIR]
#
#   --jdk DIR   the JDK whose jlink builds the runtime (default: $JAVA_HOME, else the java on PATH).
#               A JDK 19 or later is best: its class-data archive stays valid when the bundle is
#               unpacked elsewhere (/opt); with JDK 17 the archive only works where it was made and
#               the launcher silently runs without it (the JDK's own archive is still used).
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
DEPLOY="$(cd "$HERE/.." && pwd)"

component="" app="" version="" out="" jdk="${JAVA_HOME:-}"
say() { printf 'build-bundle: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --component) component="${2:-}"; shift 2 ;;
        --app) app="${2:-}"; shift 2 ;;
        --version) version="${2:-}"; shift 2 ;;
        --out) out="${2:-}"; shift 2 ;;
        --jdk) jdk="${2:-}"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
[[ "$component" == warden || "$component" == supervisor ]] || die "--component must be warden or supervisor"
[[ -f "$app/quarkus-run.jar" ]] || die "no Quarkus app at '$app' (quarkus-run.jar missing); run ./mvnw -DskipTests package first"
[[ -n "$version" && -n "$out" ]] || die "--version and --out are required"
if [[ -z "$jdk" ]]; then jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; fi
[[ -x "$jdk/bin/jlink" && -x "$jdk/bin/jdeps" ]] || die "no jlink/jdeps in $jdk; pass --jdk with a full JDK"

case "$(uname -m)" in
    x86_64|amd64) arch=amd64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) arch="$(uname -m)" ;;
esac
name="lodestar-$component"
tarball="$name-$version-linux-$arch.tar.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/$name"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share" "$out"

say "copying the $component app"
cp -a "$app" "$stage/app"

# jdeps cannot resolve the automatic/named modules of the app's jars among themselves; the runtime
# needs only the JDK modules they use, so analyse copies stripped of their module descriptors.
say "finding the JDK modules the $component uses (jdeps)"
mkdir "$work/jars"
find "$stage/app" -name '*.jar' -exec cp {} "$work/jars/" \;
for jar in "$work/jars"/*.jar; do
    zip -q -d "$jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$work/jars"/*.jar)"
# Found only at run time through service loaders, so jdeps cannot see them: TLS elliptic curves
# (grpcs://), zip file systems, the platform MXBeans (host metrics), DNS names.
modules="$modules,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.naming.dns"
# jdk.compiler (javac, 20 MB) is wanted only by vertx-codegen, an annotation processor that rides
# along on the runtime classpath and never runs there; java.compiler (its API) is enough.
modules="$(printf '%s' "$modules" | tr ',' '\n' | sed 's/^jdk\.compiler$/java.compiler/' | sort -u | paste -sd, -)"
say "modules: $modules"
rm -rf "$work/jars"

say "cutting the Java runtime (jlink)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$stage/runtime" >/dev/null
# The JDK's native code carries its symbol tables; the runtime has no use for them (and lintian asks).
find "$stage/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper -o -name jexec \) \
    -exec strip --strip-unneeded {} + 2>/dev/null || true

# JVM flags per component (measured in docs/benchmarks.md). The Warden is small and mostly idle:
# one GC thread, the C1 compiler only, a heap that starts at 8 MB instead of 1/64 of the RAM and
# stays under 48 MB, a small metaspace and code cache, and Netty with one small buffer arena
# instead of one per core. The class-data archives are mapped at their own address so that their
# pages stay clean file pages (shared, reclaimable) instead of relocated private copies.
case "$component" in
    warden)
        command=warden
        flags='-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms8m -Xmx48m -Xss512k -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=24m -XX:MaxDirectMemorySize=32m -XX:+UseCompactObjectHeaders -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1 -Dio.netty.allocator.maxOrder=7'
        cp "$DEPLOY/systemd/lodestar-warden.service" "$DEPLOY/systemd/lodestar-warden.rules" "$stage/share/"
        ;;
    supervisor)
        command=supervisor
        flags='-Xmx512m'
        cp "$DEPLOY/systemd/lodestar-supervisor.service" "$stage/share/"
        ;;
esac
# -XX:+UseCompactObjectHeaders (8-byte object headers) needs JDK 25: older runtimes refuse the
# flag. With it the JDK's base archive is a different file (classes_coh.jsa), which jlink does not
# make: dump it, since the app's archive stacks on it.
if "$stage/runtime/bin/java" -XX:+UseCompactObjectHeaders -version >/dev/null 2>&1; then
    if [[ "$flags" == *UseCompactObjectHeaders* ]]; then
        "$stage/runtime/bin/java" -XX:+UseCompactObjectHeaders -Xshare:dump >/dev/null
    fi
else
    flags="${flags//-XX:+UseCompactObjectHeaders /}"
fi
# Quiet the JDK 24+ warning about JNA loading its native library (host metrics).
if "$stage/runtime/bin/java" --enable-native-access=ALL-UNNAMED -version >/dev/null 2>&1; then
    flags="$flags --enable-native-access=ALL-UNNAMED"
fi

# The Supervisor's database kind is chosen at start (LODESTAR_DB_KIND): the app's own launcher
# re-augments the package once when the kind changes; this launcher asks it for that step only.
augment=""
if [[ "$component" == supervisor ]]; then
    # The release build is the default package, augmented for the embedded H2: record it, so that the
    # first start on H2 does not re-augment (which would also leave the class-data archive unusable).
    printf 'h2\n' > "$stage/app/quarkus/lodestar-db-kind"
    # Maven's resource copy drops the executable bit of the app's launcher.
    chmod 0755 "$stage/app/bin/lodestar-supervisor"
    augment='JAVA_HOME="$home/runtime" LODESTAR_AUGMENT_ONLY=1 sh "$home/app/bin/lodestar-supervisor"
'
fi
cat > "$stage/bin/$command" <<LAUNCHER
#!/bin/sh
# The Lodestar $component from its release bundle: the bundle's own Java runtime, its class-data
# archive, and the flags measured for it. Extra JVM options: \$LODESTAR_JAVA_OPTS.
set -e
# Two malloc arenas instead of eight per core: the JVM's threads mostly sleep.
MALLOC_ARENA_MAX="\${MALLOC_ARENA_MAX:-2}"
export MALLOC_ARENA_MAX
self="\$(readlink -f "\$0")"
home="\$(dirname "\$(dirname "\$self")")"
${augment}# -Xshare:auto: should the archive not fit (another runtime, a changed app), start without it.
# shellcheck disable=SC2086
exec "\$home/runtime/bin/java" -Xshare:auto -XX:SharedArchiveFile="\$home/lib/$component.jsa" $flags \\
    \$LODESTAR_JAVA_OPTS -jar "\$home/app/quarkus-run.jar" "\$@"
LAUNCHER
chmod 0755 "$stage/bin/$command"
# The same flags for launchers that run java directly (the OCI image has no shell).
printf '%s\n' "$flags" > "$stage/lib/jvm.flags"
printf '%s\n' "$version" > "$stage/VERSION"

say "training run for the class-data archive"
training="$work/training"
mkdir -p "$training"
case "$component" in
    warden)
        # diagnose boots Quarkus, the Warden's beans and the host checks; it needs no Supervisor.
        # shellcheck disable=SC2086
        "$stage/runtime/bin/java" $flags -XX:ArchiveClassesAtExit="$stage/lib/warden.jsa" -jar "$stage/app/quarkus-run.jar" diagnose --out "$training/out" >"$training/log" 2>&1 \
            || { cat "$training/log" >&2; die "the training run failed"; }
        ;;
    supervisor)
        # Start it on free ports with an empty H2 database until it is up, then stop it (SIGTERM
        # dumps the archive on the way out).
        # shellcheck disable=SC2086
        "$stage/runtime/bin/java" $flags -XX:ArchiveClassesAtExit="$stage/lib/supervisor.jsa" -Dlodestar.data-dir=$training/data -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 -Dquarkus.grpc.server.port=0 -Dquarkus.grpc.server.host=127.0.0.1 \
            -Dquarkus.management.port=0 -Dquarkus.management.host=127.0.0.1 \
            -jar "$stage/app/quarkus-run.jar" >"$training/log" 2>&1 &
        pid=$!
        for _ in $(seq 1 240); do
            grep -q ' started in ' "$training/log" && break
            kill -0 "$pid" 2>/dev/null || { cat "$training/log" >&2; die "the Supervisor's training run exited early"; }
            sleep 0.5
        done
        grep -q ' started in ' "$training/log" || { kill -KILL "$pid"; cat "$training/log" >&2; die "the Supervisor did not start in 2 minutes"; }
        kill -TERM "$pid"
        wait "$pid" || true
        ;;
esac
[[ -s "$stage/lib/$component.jsa" ]] || { cat "$training/log" >&2; die "no class-data archive was written"; }

say "packing $tarball"
tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$out/$tarball" "$name"
(cd "$out" && sha256sum "$tarball" > "$tarball.sha256")

# The archive must serve where the bundle is unpacked, not only where it was made: unpack it
# elsewhere and check that classes come from it (-Xshare:on fails rather than running without it).
# The Warden's `help` is quick; the Supervisor has no command that starts without serving.
if [[ "$component" == warden ]]; then
    check="$work/check"
    mkdir -p "$check"
    tar -C "$check" -xzf "$out/$tarball"
    from_archive="$(cd / && LODESTAR_JAVA_OPTS="-Xshare:on -Xlog:class+load=info" "$check/$name/bin/warden" help 2>/dev/null \
        | grep -c 'shared objects file (top)' || true)"
    if [[ "$from_archive" -gt 0 ]]; then
        say "the class-data archive serves $from_archive app and library classes from an unpacked copy"
    else
        say "WARNING: the class-data archive does not load from an unpacked copy with this JDK ($jdk); the bundle runs without it. Build with a JDK 19 or later (--jdk)."
    fi
fi
say "wrote $out/$tarball ($(du -h "$out/$tarball" | cut -f1)) and $tarball.sha256"
