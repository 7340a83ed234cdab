package io.mqttreactive.netty.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Temporary directories for the fixtures: created under {@code java.io.tmpdir}, deleted recursively. */
final class TempDirs {

    private static final Set<Path> DELETE_ON_EXIT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DELETE_ON_EXIT.forEach(TempDirs::deleteQuietly),
                "mqtt-test-temp-cleanup"));
    }

    private TempDirs() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteOnExit(Path directory) {
        DELETE_ON_EXIT.add(directory);
    }

    /** Deletes {@code directory} and everything below it; a file that vanished meanwhile is no error. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        DELETE_ON_EXIT.remove(directory);
    }

    static void deleteQuietly(Path directory) {
        try {
            delete(directory);
        } catch (IOException | RuntimeException e) {
            System.err.println("[mqtt-test] could not delete " + directory + ": " + e);
        }
    }
}
