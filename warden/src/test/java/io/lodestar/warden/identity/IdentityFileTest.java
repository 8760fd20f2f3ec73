package io.lodestar.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityFileTest {

    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyAndReadsBack() throws IOException {
        IdentityFile file = new IdentityFile(dir.resolve("lodestar/identity.json"));

        file.write(new NodeIdentity(610809900976570889L, "s3cr\"et"));

        assertThat(file.read()).contains(new NodeIdentity(610809900976570889L, "s3cr\"et"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(Files.readString(file.path())).contains("\"node_id\":610809900976570889");
        try (var files = Files.list(file.path().getParent())) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void replacesAnEarlierIdentity() {
        IdentityFile file = new IdentityFile(dir.resolve("identity.json"));
        file.write(new NodeIdentity(1, "old"));

        file.write(new NodeIdentity(2, "new"));

        assertThat(file.read()).contains(new NodeIdentity(2, "new"));
    }

    @Test
    void aMissingFileIsNoIdentity() {
        assertThat(new IdentityFile(dir.resolve("identity.json")).read()).isEmpty();
    }

    @Test
    void aBrokenFileSaysWhatIsWrong() throws IOException {
        Path path = dir.resolve("identity.json");
        Files.writeString(path, "{\"node_id\": 1}");

        assertThatThrownBy(() -> new IdentityFile(path).read())
                .isInstanceOf(IdentityException.class)
                .hasMessage("the identity file " + path + " is not valid: expected node_id and node_secret");
    }

    @Test
    void theSecretIsNotInToString() {
        assertThat(new NodeIdentity(1, "hunter2").toString()).doesNotContain("hunter2");
    }
}
