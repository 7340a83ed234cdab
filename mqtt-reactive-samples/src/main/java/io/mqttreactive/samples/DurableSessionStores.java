package io.mqttreactive.samples;

import io.mqttreactive.spi.SessionStore;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * Opens the durable file session store of the reactor-netty implementation, {@code FileSessionStore}, for a sample
 * that compiles against the api alone. The api has no factory for durable stores, so the class is looked up by name
 * at run time; an application that depends on {@code mqtt-reactive-impl} calls
 * {@code FileSessionStore.open(directory)} directly.
 *
 * <p>Opening replays the store's log and closing waits for its writes: both block, so call them from {@code main} or
 * a test, never from an event loop.
 */
final class DurableSessionStores {

    private static final String FILE_SESSION_STORE = "io.mqttreactive.netty.FileSessionStore";

    private DurableSessionStores() {
    }

    /**
     * Opens the file session store of a directory, with its default settings (every write forced to the device).
     *
     * @param directory the directory, created if missing; used by one open store at a time
     * @return the open store; close it with {@link #close(SessionStore)} once its clients are closed
     * @throws IllegalStateException if the implementation is not on the class path, or another store has the
     *                               directory open
     * @throws java.io.UncheckedIOException if the directory cannot be used
     */
    static SessionStore openFileStore(Path directory) {
        try {
            return (SessionStore) Class.forName(FILE_SESSION_STORE).getMethod("open", Path.class)
                    .invoke(null, directory);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("cannot open the session store in " + directory, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no durable session store: " + FILE_SESSION_STORE
                    + " of mqtt-reactive-impl is not on the class path", e);
        }
    }

    /**
     * Closes a store opened by {@link #openFileStore(Path)}.
     *
     * @param store the store
     * @throws IllegalStateException if it fails to close
     */
    static void close(SessionStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the session store " + store, e);
            }
        }
    }
}
