package io.mqttreactive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Reads test resources from the class path. */
public final class TestResources {

    private TestResources() {
    }

    public static String text(String name) {
        try (InputStream in = Objects.requireNonNull(TestResources.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
