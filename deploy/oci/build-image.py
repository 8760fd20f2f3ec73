#!/usr/bin/env python3
"""Builds the Supervisor's OCI image as an OCI image layout, without a container engine.

    deploy/oci/build-image.py --bundle lodestar-supervisor-VERSION-linux-ARCH.tar.gz --out DIR

DIR becomes an OCI image layout (oci-layout, index.json, blobs/sha256/...) holding one image of
two layers:
  1. the C library the bundle's Java runtime links against (glibc, copied from this machine: the
     release is built on Debian), /etc/passwd and /etc/group with the user lodestar (uid 10001),
     /tmp and the data folder /var/lib/lodestar-supervisor owned by that user;
  2. the release bundle in /opt/lodestar-supervisor, and a health probe (a Java class, run by the
     bundle's own runtime: the image has no shell and no curl).
The image runs as 10001:10001, listens on 8080 (API), 9000 (Wardens), 9100 (health, metrics), and
declares its health check in the image config's Healthcheck field: a Docker extension that Docker
and Podman honour and that the OCI spec leaves out (Kubernetes ignores it: give the pod probes on
/q/health/live and /q/health/ready of port 9100, see docs/operating/supervisor.md).

Copy it to a registry with `skopeo copy oci:DIR:VERSION docker://registry/lodestar-supervisor:VERSION`.
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

UID = GID = 10001
HOME = "/opt/lodestar-supervisor"
DATA = "/var/lib/lodestar-supervisor"
# Fixed times make the same bundle give the same image digest.
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))

HEALTH_PROBE = """
import java.net.HttpURLConnection;
import java.net.URI;

/** The image's health check: exit 0 when the URL answers 200 within 3 seconds (java.base only). */
public class HealthProbe {
    public static void main(String[] args) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(3000);
            System.exit(connection.getResponseCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check of " + args[0] + " failed: " + e);
            System.exit(1);
        }
    }
}
"""


def tar_entry(tar, name, data=None, mode=0o644, uid=0, gid=0, kind=tarfile.REGTYPE, source=None, link=None):
    info = tarfile.TarInfo(name.lstrip("/"))
    info.mtime = EPOCH
    info.mode = mode
    info.uid, info.gid = uid, gid
    info.uname = info.gname = ""
    info.type = kind
    if link is not None:
        info.linkname = link
    if source is not None:
        with open(source, "rb") as handle:
            data = handle.read()
    if kind == tarfile.REGTYPE:
        data = data or b""
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    else:
        tar.addfile(info)


def system_libraries(runtime):
    """The shared libraries the runtime's java and its headless libraries load, resolved by ldd."""
    wanted = {"/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1"}
    objects = [os.path.join(runtime, "bin", "java"), os.path.join(runtime, "lib", "server", "libjvm.so")]
    for name in sorted(os.listdir(os.path.join(runtime, "lib"))):
        # AWT's display and sound libraries are never loaded by a headless server.
        if name.endswith(".so") and not re.match(r"lib(awt_xawt|jawt|jsound|splashscreen|fontmanager|freetype|lcms|mlib_image|javajpeg)", name):
            objects.append(os.path.join(runtime, "lib", name))
    for path in objects:
        out = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
        for line in out.splitlines():
            match = re.search(r"=> (/\S+)", line) or re.match(r"\s*(/\S+ld-linux\S+)", line)
            if match and not match.group(1).startswith(runtime):
                wanted.add(match.group(1))
    return sorted(path for path in wanted if os.path.exists(path))


def base_layer(tar, runtime):
    for directory in ["etc", "lib", "lib64", "tmp", "usr", "usr/lib", "var", "var/lib", "opt", "proc", "dev", "sys"]:
        tar_entry(tar, directory, kind=tarfile.DIRTYPE, mode=0o1777 if directory == "tmp" else 0o755)
    tar_entry(tar, DATA, kind=tarfile.DIRTYPE, mode=0o700, uid=UID, gid=GID)
    tar_entry(tar, "etc/passwd", b"root:x:0:0:root:/root:/sbin/nologin\nlodestar:x:10001:10001:Lodestar Supervisor:" + DATA.encode() + b":/sbin/nologin\n")
    tar_entry(tar, "etc/group", b"root:x:0:\nlodestar:x:10001:\n")
    tar_entry(tar, "etc/nsswitch.conf", b"passwd: files\ngroup: files\nhosts: files dns\n")
    tar_entry(tar, "etc/hosts", b"127.0.0.1 localhost\n::1 localhost\n")
    made = set()
    for library in system_libraries(runtime):
        real = os.path.realpath(library)
        for directory in sorted({os.path.dirname(library), os.path.dirname(real)}):
            parts = directory.strip("/").split("/")
            for depth in range(1, len(parts) + 1):
                sub = "/".join(parts[:depth])
                if sub not in made and sub not in ("lib", "lib64", "usr", "usr/lib"):
                    tar_entry(tar, sub, kind=tarfile.DIRTYPE, mode=0o755)
                    made.add(sub)
        if real != library:
            tar_entry(tar, library, kind=tarfile.SYMTYPE, link=real, mode=0o777)
        if real not in made:
            tar_entry(tar, real, source=real, mode=0o755)
            made.add(real)


def app_layer(tar, unpacked, probe_dir):
    root = os.path.join(unpacked, "lodestar-supervisor")
    tar_entry(tar, HOME, kind=tarfile.DIRTYPE, mode=0o755)
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        relative = os.path.relpath(directory, root)
        target = HOME if relative == "." else HOME + "/" + relative
        if relative != ".":
            tar_entry(tar, target, kind=tarfile.DIRTYPE, mode=0o755)
        for name in sorted(files):
            path = os.path.join(directory, name)
            if os.path.islink(path):
                tar_entry(tar, target + "/" + name, kind=tarfile.SYMTYPE, link=os.readlink(path), mode=0o777)
            else:
                tar_entry(tar, target + "/" + name, source=path, mode=0o755 if os.access(path, os.X_OK) else 0o644)
    tar_entry(tar, HOME + "/health", kind=tarfile.DIRTYPE, mode=0o755)
    tar_entry(tar, HOME + "/health/HealthProbe.class", source=os.path.join(probe_dir, "HealthProbe.class"))


def blob(out, data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(out, "blobs", "sha256", digest), "wb") as handle:
        handle.write(data)
    return "sha256:" + digest


def layer(out, fill):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        fill(tar)
    plain = raw.getvalue()
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=EPOCH, compresslevel=6) as zipped:
        zipped.write(plain)
    compressed = packed.getvalue()
    return {"diff_id": "sha256:" + hashlib.sha256(plain).hexdigest(), "digest": blob(out, compressed), "size": len(compressed)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    match = re.match(r"lodestar-supervisor-(.+)-linux-([a-z0-9]+)\.tar\.gz$", os.path.basename(args.bundle))
    if not match:
        sys.exit("build-image: not a Supervisor release bundle: " + args.bundle)
    version, arch = match.groups()
    os.makedirs(os.path.join(args.out, "blobs", "sha256"), exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(args.bundle) as bundle:
            bundle.extractall(work)
        runtime = os.path.join(work, "lodestar-supervisor", "runtime")
        with open(os.path.join(work, "lodestar-supervisor", "lib", "jvm.flags")) as handle:
            flags = handle.read().split()
        probe_dir = os.path.join(work, "probe")
        os.makedirs(probe_dir)
        with open(os.path.join(probe_dir, "HealthProbe.java"), "w") as handle:
            handle.write(HEALTH_PROBE)
        subprocess.run(["javac", "--release", "17", "-d", probe_dir, os.path.join(probe_dir, "HealthProbe.java")], check=True)
        layers = [layer(args.out, lambda tar: base_layer(tar, runtime)),
                  layer(args.out, lambda tar: app_layer(tar, work, probe_dir))]

    java = HOME + "/runtime/bin/java"
    config = {
        "created": "1970-01-01T00:00:00Z",
        "architecture": arch,
        "os": "linux",
        "config": {
            "User": "%d:%d" % (UID, GID),
            "Env": ["PATH=/usr/bin:/bin", "LODESTAR_DATA_DIR=" + DATA, "QUARKUS_HTTP_HOST=0.0.0.0",
                    "QUARKUS_GRPC_SERVER_HOST=0.0.0.0", "QUARKUS_MANAGEMENT_HOST=0.0.0.0"],
            "Entrypoint": [java, "-Xshare:auto", "-XX:SharedArchiveFile=" + HOME + "/lib/supervisor.jsa"] + flags
                          + ["-Dlodestar.data-dir=" + DATA, "-jar", HOME + "/app/quarkus-run.jar"],
            "WorkingDir": DATA,
            "ExposedPorts": {"8080/tcp": {}, "9000/tcp": {}, "9100/tcp": {}},
            "Volumes": {DATA: {}},
            "StopSignal": "SIGTERM",
            # Docker's extension of the image config (not in the OCI spec): Docker and Podman run it.
            "Healthcheck": {
                "Test": ["CMD", java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", HOME + "/health", "HealthProbe",
                         "http://127.0.0.1:9100/q/health/ready"],
                "Interval": 30 * 10**9, "Timeout": 10 * 10**9, "StartPeriod": 60 * 10**9, "Retries": 3,
            },
            "Labels": {
                "org.opencontainers.image.title": "lodestar-supervisor",
                "org.opencontainers.image.version": version,
                "org.opencontainers.image.description": "Lodestar Supervisor, the control plane for Apache Iggy clusters",
                "io.lodestar.health.liveness": "http://:9100/q/health/live",
                "io.lodestar.health.readiness": "http://:9100/q/health/ready",
            },
        },
        "rootfs": {"type": "layers", "diff_ids": [entry["diff_id"] for entry in layers]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/oci/build-image.py: C library, user, folders"},
                    {"created": "1970-01-01T00:00:00Z", "created_by": "deploy/oci/build-image.py: the release bundle"}],
    }
    config_bytes = json.dumps(config, indent=2, sort_keys=True).encode()
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": blob(args.out, config_bytes), "size": len(config_bytes)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": entry["digest"], "size": entry["size"]} for entry in layers],
    }
    manifest_bytes = json.dumps(manifest, indent=2).encode()
    index = {
        "schemaVersion": 2,
        "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": blob(args.out, manifest_bytes),
                       "size": len(manifest_bytes), "platform": {"architecture": arch, "os": "linux"},
                       "annotations": {"org.opencontainers.image.ref.name": version}}],
    }
    with open(os.path.join(args.out, "index.json"), "w") as handle:
        json.dump(index, handle, indent=2)
    with open(os.path.join(args.out, "oci-layout"), "w") as handle:
        json.dump({"imageLayoutVersion": "1.0.0"}, handle)
    print(os.path.join(args.out))


if __name__ == "__main__":
    main()
