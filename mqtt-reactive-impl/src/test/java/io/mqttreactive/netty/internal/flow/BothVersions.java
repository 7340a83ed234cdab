package io.mqttreactive.netty.internal.flow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs a flow test once for MQTT 3.1.1 and once for MQTT 5.0; the test takes the {@code MqttVersion}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(value = io.mqttreactive.MqttVersion.class, names = {"MQTT_3_1_1", "MQTT_5_0"})
@interface BothVersions {
}
