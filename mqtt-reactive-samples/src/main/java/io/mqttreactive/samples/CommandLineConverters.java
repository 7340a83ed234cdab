package io.mqttreactive.samples;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttVersion;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of the quickstart's options.
 */
final class CommandLineConverters {

    private CommandLineConverters() {
    }

    /**
     * Parses a broker URI, {@code mqtt://}, {@code mqtts://}, {@code ws://} or {@code wss://}, with
     * {@link MqttClientOptions#parse(String)}.
     */
    static final class BrokerUri implements ITypeConverter<MqttClientOptions> {

        @Override
        public MqttClientOptions convert(String value) {
            try {
                return MqttClientOptions.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Parses an MQTT version: {@code 3.1}, {@code 3.1.1} or {@code 5} ({@code 5.0}).
     */
    static final class Version implements ITypeConverter<MqttVersion> {

        @Override
        public MqttVersion convert(String value) {
            return switch (value.trim()) {
                case "3.1" -> MqttVersion.MQTT_3_1;
                case "3.1.1" -> MqttVersion.MQTT_3_1_1;
                case "5", "5.0" -> MqttVersion.MQTT_5_0;
                default -> throw new TypeConversionException("'" + value + "' is not 3.1, 3.1.1 or 5");
            };
        }
    }

    /**
     * Parses a duration: a number with a unit, {@code ms}, {@code s}, {@code m} or {@code h} (for example
     * {@code 10s}, {@code 500ms}, {@code 1.5s}), a number of seconds, or ISO-8601 ({@code PT10S}).
     */
    static final class TimeSpan implements ITypeConverter<Duration> {

        private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            Matcher matcher = NUMBER_AND_UNIT.matcher(text);
            if (matcher.matches()) {
                double amount = Double.parseDouble(matcher.group(1));
                String unit = matcher.group(2) == null ? "s" : matcher.group(2);
                double millis = amount * switch (unit) {
                    case "ms" -> 1;
                    case "s" -> 1_000;
                    case "m", "min" -> 60_000;
                    default -> 3_600_000;
                };
                return Duration.ofMillis(Math.round(millis));
            }
            try {
                return Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 10s, 500ms or 2m");
            }
        }
    }
}
