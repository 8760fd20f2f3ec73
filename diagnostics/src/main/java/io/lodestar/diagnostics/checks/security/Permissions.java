package io.lodestar.diagnostics.checks.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** POSIX mode helpers; a path on a file system without POSIX modes reads as "unknown". */
final class Permissions {

    private Permissions() {
    }

    static Set<PosixFilePermission> of(Path path) throws IOException {
        return Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    static boolean worldReadable(Set<PosixFilePermission> perms) {
        return perms.contains(PosixFilePermission.OTHERS_READ);
    }

    static boolean worldWritable(Set<PosixFilePermission> perms) {
        return perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    static String text(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.toString(perms);
    }
}
