package io.mqttreactive.netty.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code main} class of the test class path run in a child JVM, for crash tests: the test reads the child's
 * output line by line ({@link #awaitLine}) and ends it abruptly with {@link #kill()}, which on Linux and macOS
 * is {@code SIGKILL} ({@link Process#destroyForcibly()}): no shutdown hook, no finally block, no flush runs in
 * the child. Standard error is merged into the lines; the test can {@linkplain #send(String) write lines} to the
 * child's standard input. Every wait is bounded; {@link #close()} kills a child still running.
 *
 * <p>The child writes its output to a file, which a thread here follows: a pipe would lose the last lines of a
 * killed child (the JDK drains and closes it when the process dies, racing the thread reading it: up to dozens
 * of lines were lost that way), while every byte the child wrote to the file is there after its death.
 */
public final class ChildJvm implements AutoCloseable {

    /** How long {@link #kill()} waits for the child to be gone and its output to end. */
    public static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

    private static final String END = new String("end of output");

    private static final long FOLLOW_INTERVAL_MILLIS = 5;

    private final Process process;
    private final Path output;
    private final Thread reader;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
        this.reader = new Thread(this::read, "child-jvm-output-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts {@code mainClass} in a new JVM with this JVM's class path and a small heap.
     *
     * @param mainClass the class with the {@code main} method
     * @param args      its arguments
     * @return the running child
     * @throws IOException if the JVM cannot be started
     */
    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(System.getProperty("java.class.path"), mainClass, args);
    }

    /**
     * Starts {@code mainClass} as {@link #start} does, on this JVM's class path less the jars whose file names
     * start with {@code jarPrefix}, to run code without an optional dependency.
     *
     * @param jarPrefix the start of the file names to leave out, for example {@code "reactor-netty-http-"}
     * @param mainClass the class with the {@code main} method
     * @param args      its arguments
     * @return the running child
     * @throws IOException if the JVM cannot be started
     * @throws IllegalStateException if no entry of the class path starts with {@code jarPrefix}
     */
    public static ChildJvm startWithout(String jarPrefix, Class<?> mainClass, String... args) throws IOException {
        List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> kept = entries.stream()
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith(jarPrefix))
                .toList();
        if (kept.size() == entries.size()) {
            throw new IllegalStateException("no class path entry starts with " + jarPrefix);
        }
        return start(String.join(File.pathSeparator, kept), mainClass, args);
    }

    private static ChildJvm start(String classPath, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("child-jvm-", ".out");
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start(), output);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(output);
            throw e;
        }
    }

    /**
     * Returns the next line of output matching a predicate, skipping the others.
     *
     * @param matching what the line must match
     * @param timeout  how long to wait at most
     * @return the line
     * @throws AssertionError if the output ends or the time is up first; the message shows the last lines
     */
    public String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = unread.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line == END) {
                if (line == END) {
                    unread.add(END);
                }
                throw new AssertionError((line == null ? "no matching line within " + timeout
                        : "the child's output ended (exit " + exitCodeIfDone() + ")") + "; last lines: " + tail());
            }
            if (matching.test(line)) {
                return line;
            }
        }
    }

    /**
     * Kills the child with {@code SIGKILL} and waits until it is gone and all its output is read.
     *
     * @return every line the child wrote, in order
     * @throws AssertionError if the child or its output does not end within {@link #EXIT_TIMEOUT}
     */
    public List<String> kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child " + process.pid() + " did not die");
        }
        reader.join(EXIT_TIMEOUT.toMillis());
        if (reader.isAlive()) {
            throw new AssertionError("the child's output did not end");
        }
        return lines();
    }

    /**
     * Writes a line to the child's standard input and flushes it, to tell the child when to take its next step.
     *
     * @param line the line, without the line separator
     * @throws IOException if the child's input is closed, for example because it died
     */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Returns every line read so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Returns the process id of the child. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        reader.join(EXIT_TIMEOUT.toMillis());
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // a temporary file left behind
        }
    }

    /** Follows the output file, a line at a time, until the child is gone and every byte it wrote was read. */
    private void read() {
        try (Reader in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean ended = false;
            while (true) {
                int c = in.read();
                if (c == '\n') {
                    add(line.toString());
                    line.setLength(0);
                } else if (c >= 0) {
                    line.append((char) c);
                } else if (ended) {
                    break;
                } else {
                    ended = !process.isAlive();
                    if (!ended) {
                        Thread.sleep(FOLLOW_INTERVAL_MILLIS);
                    }
                }
            }
            if (line.length() > 0) {
                add(line.toString());
            }
        } catch (IOException e) {
            add("[reading the child's output failed: " + e + "]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unread.add(END);
        }
    }

    private void add(String line) {
        synchronized (lines) {
            lines.add(line);
        }
        unread.add(line);
    }

    private String exitCodeIfDone() {
        return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
    }

    private String tail() {
        List<String> all = lines();
        return String.join(" | ", all.subList(Math.max(0, all.size() - 10), all.size()));
    }
}
