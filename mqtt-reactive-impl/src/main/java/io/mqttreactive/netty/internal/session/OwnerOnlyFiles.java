package io.mqttreactive.netty.internal.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Creates and opens the files of a session store so that only their owner can read them: they hold payloads,
 * topics and client identifiers. On a POSIX file system the directory is created {@code rwx------} and every
 * file {@code rw-------}, through attributes given at creation, so no other user can open them even briefly;
 * since the process umask can only take bits away from those, a permission check afterwards restores them if a
 * strange umask took owner bits too, and tightens a directory or file created earlier with wider permissions.
 * On other file systems it creates and opens as usual.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = Loggers.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    /** Creates the directory, and its missing parents with the usual permissions, or tightens it if it exists. */
    static void createDirectory(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try {
            if (isPosix(directory)) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
        restrict(directory, DIRECTORY);
    }

    /** Opens a file of the store, creating it owner-only if the options ask for creation, and tightens it. */
    static FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
        FileChannel channel = isPosix(file)
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(FILE))
                : FileChannel.open(file, options, new FileAttribute<?>[0]);
        try {
            restrict(file, FILE);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /**
     * Sets the permissions of a file or directory unless they are already those. A file the process does not
     * own cannot be changed: that is logged and the store goes on, as the permissions are not its to decide.
     */
    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> current = view.readAttributes().permissions();
        if (current.equals(permissions)) {
            return;
        }
        try {
            view.setPermissions(permissions);
            LOG.info("Session store: restricted {} from {} to {}", path, PosixFilePermissions.toString(current),
                    PosixFilePermissions.toString(permissions));
        } catch (IOException e) {
            LOG.warn("Session store: cannot restrict {} ({}) to its owner: {}", path,
                    PosixFilePermissions.toString(current), e.toString());
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
