package io.mqttreactive;

import io.mqttreactive.options.Transport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A parsed broker URI: {@code scheme://[user[:password]@]host[:port][/path][?name=value&...]} with scheme
 * {@code mqtt}, {@code mqtts}, {@code ws} or {@code wss}. Error messages never show the password.
 */
record MqttUri(Transport transport, boolean tls, String host, int port, @Nullable String username,
        byte @Nullable [] password, @Nullable String path, Map<String, String> query) {

    static final Set<String> QUERY_PARAMETERS =
            Set.of("clientId", "version", "keepAlive", "cleanStart", "sessionExpiryInterval");

    static MqttUri parse(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid(uri, e.getReason() + " at index " + e.getIndex());
        }
        String scheme = parsed.getScheme();
        if (scheme == null || parsed.isOpaque()) {
            throw invalid(uri, "expected scheme://host with scheme mqtt, mqtts, ws or wss");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        Transport transport = switch (scheme) {
            case "mqtt", "mqtts" -> Transport.TCP;
            case "ws", "wss" -> Transport.WEBSOCKET;
            default -> throw invalid(uri, "unsupported scheme '" + scheme + "', expected mqtt, mqtts, ws or wss");
        };
        String host = parsed.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(uri, "missing or invalid host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (parsed.getPort() == 0 || parsed.getPort() > 65_535) {
            throw invalid(uri, "port must be between 1 and 65535, was " + parsed.getPort());
        }
        if (parsed.getRawFragment() != null) {
            throw invalid(uri, "a fragment (#...) is not allowed");
        }
        String path = parsed.getRawPath();
        if (transport == Transport.TCP && !path.isEmpty() && !path.equals("/")) {
            throw invalid(uri, "a path is only allowed for ws and wss, was '" + path + "'");
        }
        String userInfo = parsed.getRawUserInfo();
        String username = null;
        byte[] password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = new String(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)), StandardCharsets.UTF_8);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        boolean tls = scheme.equals("mqtts") || scheme.equals("wss");
        String webSocketPath = transport == Transport.WEBSOCKET && !path.isEmpty() ? path : null;
        return new MqttUri(transport, tls, host, Math.max(parsed.getPort(), 0), username, password, webSocketPath,
                query(uri, parsed.getRawQuery()));
    }

    private static Map<String, String> query(String uri, @Nullable String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String parameter : rawQuery.split("&", -1)) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw invalid(uri, "query parameter '" + parameter + "' is not of the form name=value");
            }
            String name = parameter.substring(0, equals);
            if (!QUERY_PARAMETERS.contains(name)) {
                throw invalid(uri, "unknown query parameter '" + name + "', supported: " + QUERY_PARAMETERS);
            }
            query.put(name, new String(decode(parameter.substring(equals + 1)), StandardCharsets.UTF_8));
        }
        return query;
    }

    static MqttVersion version(String value) {
        return switch (value) {
            case "3.1" -> MqttVersion.MQTT_3_1;
            case "3.1.1" -> MqttVersion.MQTT_3_1_1;
            case "5", "5.0" -> MqttVersion.MQTT_5_0;
            default -> throw new IllegalArgumentException("version must be 3.1, 3.1.1 or 5, was '" + value + "'");
        };
    }

    static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }

    static Duration seconds(String name, String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, was '" + value + "'", e);
        }
    }

    /** Decodes a raw URI component, whose percent-escapes {@link URI} has already checked. */
    private static byte[] decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            if (encoded.charAt(i) == '%') {
                bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 3;
            } else {
                int next = encoded.indexOf('%', i);
                int end = next < 0 ? encoded.length() : next;
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toByteArray();
    }

    static IllegalArgumentException invalid(String uri, String reason) {
        return new IllegalArgumentException("Invalid MQTT URI '" + redact(uri) + "': " + reason);
    }

    static String redact(String uri) {
        int authority = uri.indexOf("://");
        if (authority < 0) {
            return uri;
        }
        int queryStart = uri.indexOf('?', authority);
        int at = uri.lastIndexOf('@', queryStart < 0 ? uri.length() : queryStart);
        int colon = uri.indexOf(':', authority + 3);
        if (at < 0 || colon < 0 || colon > at) {
            return uri;
        }
        return uri.substring(0, colon + 1) + "<redacted>" + uri.substring(at);
    }
}
