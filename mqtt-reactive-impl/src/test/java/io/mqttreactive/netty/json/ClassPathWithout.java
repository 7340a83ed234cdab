package io.mqttreactive.netty.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a scenario in a class loader that sees the test class path less the entries whose path contains one of
 * some fragments, for example {@code "/tools/jackson/"} to hide Jackson 3: tests what happens when an optional
 * library is absent without a JVM of their own. The scenario, and every class it uses, is loaded afresh in that
 * loader, which is also the thread's context class loader while it runs (Jackson finds modules through it).
 */
final class ClassPathWithout {

    private ClassPathWithout() {
    }

    static void run(Class<? extends Runnable> scenario, String... hiddenFragments) throws Exception {
        List<URL> visible = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            if (Arrays.stream(hiddenFragments).anyMatch(path::contains)) {
                hidden.add(path);
            } else {
                visible.add(Path.of(entry).toUri().toURL());
            }
        }
        for (String fragment : hiddenFragments) {
            assertThat(hidden).as("class-path entries hidden by " + fragment).anyMatch(path -> path.contains(fragment));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("class-path-without-" + scenario.getSimpleName(),
                visible.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Class<?> isolated = loader.loadClass(scenario.getName());
            assertThat(isolated).isNotSameAs(scenario);
            ((Runnable) isolated.getConstructor().newInstance()).run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
