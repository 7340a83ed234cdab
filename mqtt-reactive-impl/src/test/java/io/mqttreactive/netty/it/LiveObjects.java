package io.mqttreactive.netty.it;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A class histogram of the live objects of this JVM, taken by HotSpot's {@code GC.class_histogram} diagnostic
 * command, which runs a full collection first: what is counted is what is still reachable. Lets a test assert
 * how much of a kind of object a component retains, without a heap dump.
 */
final class LiveObjects {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final Map<String, long[]> byClass;

    private LiveObjects(Map<String, long[]> byClass) {
        this.byClass = byClass;
    }

    /** Collects garbage and counts what is left, by class. Blocks for the length of a full collection. */
    static LiveObjects take() {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("this JVM offers no GC.class_histogram diagnostic command", e);
        }
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : histogram.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                byClass.put(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
            }
        }
        if (byClass.isEmpty()) {
            throw new IllegalStateException("unreadable class histogram: " + histogram.lines().limit(5).toList());
        }
        return new LiveObjects(byClass);
    }

    /** Live instances of a class, by binary name ({@code a.b.Outer$Inner}). */
    long instances(String className) {
        return byClass.getOrDefault(className, new long[2])[0];
    }

    /** Shallow bytes of the live instances of a class. */
    long bytes(String className) {
        return byClass.getOrDefault(className, new long[2])[1];
    }
}
