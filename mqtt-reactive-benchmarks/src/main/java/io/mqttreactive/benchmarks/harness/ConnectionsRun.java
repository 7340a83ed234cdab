package io.mqttreactive.benchmarks.harness;

import io.mqttreactive.benchmarks.connections.ManyConnections;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link ManyConnections} in a fresh JVM limited to 512 MiB of heap and records what it prints. */
final class ConnectionsRun {

    private ConnectionsRun() {
    }

    static boolean run(Mosquitto broker, int clients, Results results, String reference)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ManyConnections.class.getName(), "--host", broker.host(), "--port", String.valueOf(broker.port()),
                "--clients", String.valueOf(clients)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String scenario = "many connections: " + clients + " mqtt-reactive clients, -Xmx512m";
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("RESULT|")) {
                    String[] fields = line.split("\\|");
                    Metric metric = new Metric(scenario, fields[1], fields[2], fields[2].equals("clients"));
                    results.add(metric, reference, Double.parseDouble(fields[3]));
                    System.out.println("  " + fields[1] + ": " + fields[3] + " " + fields[2]);
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            return false;
        }
        return child.exitValue() == 0;
    }
}
