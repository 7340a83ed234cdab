package io.mqttreactive;

import io.mqttreactive.spi.MqttClientProvider;

/** A provider registered in the test META-INF/services that only supports the host {@value #HOST}. */
public final class TestMqttClientProvider implements MqttClientProvider {

    static final String HOST = "provider.test";

    @Override
    public String name() {
        return "test-provider";
    }

    @Override
    public boolean supports(MqttClientOptions options) {
        return HOST.equals(options.serverHost());
    }

    @Override
    public MqttClient create(MqttClientOptions options) {
        return new StubMqttClient(options);
    }
}
