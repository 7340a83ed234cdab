package io.mqttreactive.netty.json;

/**
 * Tells which Jackson generations are on the class path (or resolved on the module path), without loading more
 * than one class of each.
 */
public final class JacksonLibraries {

    /** Whether Jackson 2, {@code com.fasterxml.jackson.core:jackson-databind}, can be used. */
    public static final boolean JACKSON_2 = present("com.fasterxml.jackson.databind.json.JsonMapper");

    /** Whether Jackson 3, {@code tools.jackson.core:jackson-databind}, can be used. */
    public static final boolean JACKSON_3 = present("tools.jackson.databind.json.JsonMapper");

    private JacksonLibraries() {
    }

    /**
     * Fails unless Jackson 2 can be used.
     *
     * @throws IllegalStateException if it cannot, naming the artifact to add
     */
    public static void requireJackson2() {
        if (!JACKSON_2) {
            throw new IllegalStateException("Jackson 2 is not on the class path: add "
                    + "com.fasterxml.jackson.core:jackson-databind");
        }
    }

    /**
     * Fails unless Jackson 3 can be used.
     *
     * @throws IllegalStateException if it cannot, naming the artifact to add
     */
    public static void requireJackson3() {
        if (!JACKSON_3) {
            throw new IllegalStateException("Jackson 3 is not on the class path: add "
                    + "tools.jackson.core:jackson-databind 3.x");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, JacksonLibraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
