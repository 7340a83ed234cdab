package io.mqttreactive.netty.testing;

/**
 * Keeps JNA (loaded by HiveMQ's system metrics) from unpacking its native library into the home folder:
 * Failsafe passes {@code -Djna.tmpdir}; a run from an IDE gets a temporary directory here.
 */
final class JnaTmpDir {

    private JnaTmpDir() {
    }

    static synchronized void ensureSet() {
        if (System.getProperty("jna.tmpdir") == null) {
            var dir = TempDirs.create("jna");
            TempDirs.deleteOnExit(dir);
            System.setProperty("jna.tmpdir", dir.toString());
        }
    }
}
