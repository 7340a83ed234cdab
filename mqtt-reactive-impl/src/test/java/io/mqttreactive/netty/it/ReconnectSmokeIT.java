package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttQos;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.event.ConnectionState;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker;
import io.mqttreactive.netty.testing.TcpProxy;
import io.mqttreactive.options.ReconnectDelay;
import io.mqttreactive.options.SessionOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class ReconnectSmokeIT {

    @Test
    void subscriptionSurvivesACutLinkAndResumesTheSession() {
        HiveMqBroker broker = HiveMqBroker.shared();
        int port = broker.port(MqttTestBroker.Listener.TCP);
        try (TcpProxy proxy = TcpProxy.start(port)) {
            MqttClientOptions base = MqttClientOptions.builder().serverHost("127.0.0.1").serverPort(port)
                    .version(MqttVersion.MQTT_5_0).build();
            MqttClientOptions subscriberOptions = base.mutate().serverPort(proxy.port()).clientId("reconnect-sub")
                    .session(SessionOptions.DEFAULT.withSessionExpiryInterval(Duration.ofMinutes(1)))
                    .reconnect(base.reconnect().withDelay(ReconnectDelay.constant(Duration.ofMillis(100))))
                    .build();
            MqttClient subscriber = MqttClients.create(subscriberOptions);
            MqttClient publisher = MqttClients.create(base.mutate().clientId("reconnect-pub").build());
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            subscriber.connectionStates().subscribe(states::add);
            subscriber.connect().block(Duration.ofSeconds(10));
            publisher.connect().block(Duration.ofSeconds(10));

            var received = subscriber.subscribe("reconnect/#", MqttQos.AT_LEAST_ONCE)
                    .map(MqttMessage::payloadAsString).distinct().take(200).collectList().toFuture();
            Flux.range(0, 100).concatMap(i -> publisher.publish(
                    MqttMessage.of("reconnect/a", String.valueOf(i).getBytes(), MqttQos.AT_LEAST_ONCE)))
                    .delaySubscription(Duration.ofMillis(300)).blockLast(Duration.ofSeconds(10));
            proxy.cut();
            Flux.range(100, 100).concatMap(i -> publisher.publish(
                    MqttMessage.of("reconnect/a", String.valueOf(i).getBytes(), MqttQos.AT_LEAST_ONCE)))
                    .blockLast(Duration.ofSeconds(10));

            List<String> messages = reactor.core.publisher.Mono.fromFuture(received).block(Duration.ofSeconds(20));
            assertThat(messages).hasSize(200);
            assertThat(states).contains(ConnectionState.RECONNECTING);
            assertThat(subscriber.connectionState()).isEqualTo(ConnectionState.CONNECTED);
            subscriber.disconnect().block(Duration.ofSeconds(5));
            publisher.disconnect().block(Duration.ofSeconds(5));
        }
    }
}
