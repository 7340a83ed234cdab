package io.mqttreactive.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every round's value per metric and contestant, in arrival order; writes the Markdown table (median, min–max,
 * ratio of each peer to the reference contestant) and the CSV.
 */
public final class Results {

    private final String reference;
    private final Map<Metric, Map<String, List<Double>>> values = new LinkedHashMap<>();
    private final Set<String> contestants = new LinkedHashSet<>();
    private final Map<String, Integer> failedRounds = new LinkedHashMap<>();

    public Results(String reference) {
        this.reference = reference;
        contestants.add(reference);
    }

    public synchronized void add(Metric metric, String contestant, double value) {
        contestants.add(contestant);
        values.computeIfAbsent(metric, key -> new LinkedHashMap<>())
                .computeIfAbsent(contestant, key -> new ArrayList<>())
                .add(value);
    }

    public synchronized void failed(String scenario, String contestant) {
        failedRounds.merge(contestant + " in " + scenario, 1, Integer::sum);
    }

    public synchronized String markdown() {
        StringBuilder table = new StringBuilder("| scenario | metric |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String contestant : contestants) {
            table.append(' ').append(contestant).append(" |");
            rule.append("---|");
        }
        table.append('\n').append(rule).append('\n');
        values.forEach((metric, byContestant) -> {
            table.append("| ").append(metric.scenario()).append(" | ").append(metric.name()).append(" (")
                    .append(metric.unit()).append(metric.higherIsBetter() ? ", higher is better" : ", lower is better")
                    .append(") |");
            Double referenceMedian = median(byContestant.get(reference));
            for (String contestant : contestants) {
                List<Double> rounds = byContestant.get(contestant);
                table.append(' ').append(cell(rounds, contestant, referenceMedian)).append(" |");
            }
            table.append('\n');
        });
        if (!failedRounds.isEmpty()) {
            table.append("\nFailed rounds (left out of the table): ");
            failedRounds.forEach((where, count) -> table.append(where).append(" ×").append(count).append("; "));
            table.setLength(table.length() - 2);
            table.append('\n');
        }
        return table.toString();
    }

    private String cell(List<Double> rounds, String contestant, Double referenceMedian) {
        if (rounds == null || rounds.isEmpty()) {
            return "–";
        }
        StringBuilder cell = new StringBuilder(format(median(rounds)));
        if (rounds.size() > 1) {
            cell.append(" (").append(format(Collections.min(rounds))).append("–")
                    .append(format(Collections.max(rounds))).append(')');
        }
        if (!contestant.equals(reference) && referenceMedian != null && referenceMedian != 0) {
            cell.append(String.format(Locale.ROOT, " ×%.2f", median(rounds) / referenceMedian));
        }
        return cell.toString();
    }

    public synchronized String csv() {
        StringBuilder csv = new StringBuilder("scenario,metric,unit,contestant,rounds,median,min,max,ratio_to_"
                + reference + "\n");
        values.forEach((metric, byContestant) -> {
            Double referenceMedian = median(byContestant.get(reference));
            byContestant.forEach((contestant, rounds) -> {
                double median = median(rounds);
                String ratio = referenceMedian == null || referenceMedian == 0 ? ""
                        : String.format(Locale.ROOT, "%.3f", median / referenceMedian);
                csv.append(quoted(metric.scenario())).append(',').append(quoted(metric.name())).append(',')
                        .append(metric.unit()).append(',').append(quoted(contestant)).append(',')
                        .append(rounds.size()).append(',')
                        .append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f", median, Collections.min(rounds),
                                Collections.max(rounds)))
                        .append(',').append(ratio).append('\n');
            });
        });
        return csv.toString();
    }

    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.md"), markdown());
        Files.writeString(directory.resolve("results.csv"), csv());
    }

    static Double median(List<Double> rounds) {
        if (rounds == null || rounds.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(rounds);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", value / 1_000_000);
        }
        if (magnitude >= 10_000) {
            return String.format(Locale.ROOT, "%.1fk", value / 1_000);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String quoted(String text) {
        return text.contains(",") ? '"' + text + '"' : text;
    }
}
