package io.mqttreactive.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.internal.session.LogConfig;
import io.mqttreactive.netty.internal.session.LogSessionStore;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's directory and files are for their owner only, {@code rwx------} and {@code rw-------}, whatever
 * the umask (the build's is typically 0022, which would give 0755 and 0644), and a directory or file found with
 * wider permissions is restricted on open. Checked on POSIX file systems only.
 */
class FileSessionStorePermissionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Path directory;

    @BeforeEach
    void posixOnly() {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        directory = temp.resolve("parent").resolve("store");
    }

    private static StoredPublish secret() {
        return new StoredPublish(1, State.AWAITING_PUBACK,
                MqttMessage.of("secret/topic", "payload".getBytes(StandardCharsets.UTF_8), MqttQos.AT_LEAST_ONCE));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private void assertOwnerOnly() throws IOException {
        assertThat(permissions(directory)).as("directory").isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void aNewDirectoryAndItsFilesAreForTheOwnerOnly() throws IOException {
        try (FileSessionStore store = FileSessionStore.open(directory)) {
            store.storeOutbound("client", secret()).block(TIMEOUT);
            assertOwnerOnly();
        }
        assertThat(permissions(directory.getParent())).as("a parent created on the way gets the usual permissions")
                .isEqualTo(permissions(Files.createDirectory(temp.resolve("sibling"))));
    }

    @Test
    void aCompactedLogIsForTheOwnerOnly() throws IOException {
        try (LogSessionStore store = LogSessionStore.open(LogConfig.of(directory))) {
            store.storeOutbound("client", secret()).block(TIMEOUT);
            store.compact().block(TIMEOUT);
            assertThat(store.compactions()).isEqualTo(1);
            assertOwnerOnly();
        }
    }

    @Test
    void anExistingDirectoryAndFilesWithWiderPermissionsAreRestrictedOnOpen() throws IOException {
        FileSessionStore.open(directory).close();
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
        }

        try (FileSessionStore store = FileSessionStore.open(directory)) {
            assertOwnerOnly();
        }
    }
}
