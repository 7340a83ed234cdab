package io.mqttreactive.netty.it;

import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.testing.MqttTestBroker.Listener;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One cell of the client matrix {3.1.1, 5.0} × {TCP, TLS, WebSocket, WebSocket over TLS}: the protocol version the client speaks and the broker
 * listener it connects to. The broker is the third dimension, chosen by the concrete {@code *IT} class that
 * extends a contract. A contract test names the cells it runs in with {@link All}, {@link Mqtt5} or {@link Tls}.
 */
enum MqttProfile {

    MQTT_3_1_1_TCP(MqttVersion.MQTT_3_1_1, Listener.TCP),
    MQTT_3_1_1_TLS(MqttVersion.MQTT_3_1_1, Listener.TLS),
    MQTT_3_1_1_WS(MqttVersion.MQTT_3_1_1, Listener.WEBSOCKET),
    MQTT_3_1_1_WSS(MqttVersion.MQTT_3_1_1, Listener.SECURE_WEBSOCKET),
    MQTT_5_TCP(MqttVersion.MQTT_5_0, Listener.TCP),
    MQTT_5_TLS(MqttVersion.MQTT_5_0, Listener.TLS),
    MQTT_5_WS(MqttVersion.MQTT_5_0, Listener.WEBSOCKET),
    MQTT_5_WSS(MqttVersion.MQTT_5_0, Listener.SECURE_WEBSOCKET);

    private final MqttVersion version;
    private final Listener listener;

    MqttProfile(MqttVersion version, Listener listener) {
        this.version = version;
        this.listener = listener;
    }

    MqttVersion version() {
        return version;
    }

    Listener listener() {
        return listener;
    }

    boolean isMqtt5() {
        return version.isMqtt5();
    }

    boolean isTls() {
        return listener == Listener.TLS || listener == Listener.SECURE_WEBSOCKET;
    }

    boolean isWebSocket() {
        return listener.isWebSocket();
    }

    @Override
    public String toString() {
        return (isMqtt5() ? "MQTT 5.0" : "MQTT 3.1.1") + " over " + listener;
    }

    /** Runs a test once per profile: both versions over every transport. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @EnumSource(MqttProfile.class)
    @interface All {
    }

    /** Runs a test for MQTT 5.0 only, over TCP and TLS (properties, reason codes the broker sends). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MQTT_5_TCP", "MQTT_5_TLS"})
    @interface Mqtt5 {
    }

    /** Runs a test over TLS only, once per version (certificate checks). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"MQTT_3_1_1_TLS", "MQTT_5_TLS"})
    @interface Tls {
    }
}
