package io.mqttreactive.samples;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Sinks;

/**
 * The quickstart: a small fleet of simulated devices, each with its own MQTT client, publishes JSON telemetry
 * at QoS 1, and a dashboard client subscribed to {@code fleet/+/telemetry} prints a summary table per time
 * window. Without {@code --broker} it starts an embedded HiveMQ CE broker on a free loopback port.
 *
 * <p>Exit codes: 0 when the run completed, 1 when it failed (for example the broker cannot be reached), 2 for
 * an invalid command line. Ctrl-C ends a run early and cleanly.
 */
@Command(name = "quickstart", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Simulates devices publishing JSON telemetry over MQTT and a dashboard aggregating it.",
            "Without --broker, starts an embedded HiveMQ CE broker on a free loopback port."})
public final class Quickstart implements Callable<Integer> {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URI", converter = CommandLineConverters.BrokerUri.class,
            description = "Broker to use instead of the embedded one: mqtt://[user:password@]host[:port],"
                    + " mqtts://, ws:// or wss://, with the query parameters of MqttClientOptions.parse"
                    + " (each client gets its own client identifier).")
    private MqttClientOptions broker;

    @Option(names = "--version", paramLabel = "VERSION", converter = CommandLineConverters.Version.class,
            description = "MQTT version: 3.1, 3.1.1 or 5 (default: the broker URI's, else 5).")
    private MqttVersion version;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "5",
            description = "Number of simulated devices, each with its own client (default: ${DEFAULT-VALUE}).")
    private int devices;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "2",
            description = "Readings per second per device (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10s",
            converter = CommandLineConverters.TimeSpan.class,
            description = "How long the devices publish, such as 10s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--window", paramLabel = "TIME", defaultValue = "2s",
            converter = CommandLineConverters.TimeSpan.class,
            description = "Length of the dashboard's aggregation windows (default: ${DEFAULT-VALUE}).")
    private Duration window;

    @Option(names = "--keep-running", description = "Run until interrupted (Ctrl-C) instead of for --duration.")
    private boolean keepRunning;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /**
     * Runs the quickstart and exits with its exit code.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the quickstart without exiting the JVM.
     *
     * @param out  where progress and tables go
     * @param err  where errors and usage help go
     * @param args the command line
     * @return the exit code: 0 done, 1 failed, 2 invalid command line
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Quickstart());
        commandLine.setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((error, failed, parsed) -> {
            failed.getErr().println("quickstart failed: " + (error instanceof QuickstartException
                    ? error.getMessage() : ConsoleText.error(error, Duration.ZERO)));
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnExecutionException();
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        QuickstartSettings settings = settings();
        Sinks.Empty<Void> shutdown = Sinks.empty();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> awaitCleanShutdown(shutdown, finished), "quickstart-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new QuickstartRun(settings, spec.commandLine().getOut(), shutdown.asMono(), Clock.systemUTC()).run();
            return 0;
        } finally {
            finished.countDown();
            removeShutdownHook(hook);
        }
    }

    private QuickstartSettings settings() {
        try {
            return new QuickstartSettings(Optional.ofNullable(broker), Optional.ofNullable(version), devices, rate,
                    duration, window, keepRunning);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** On Ctrl-C, ends the run and lets it disconnect the clients and stop the broker before the JVM exits. */
    private static void awaitCleanShutdown(Sinks.Empty<Void> shutdown, CountDownLatch finished) {
        shutdown.tryEmitEmpty();
        try {
            finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is what let this run finish.
        }
    }
}
