package io.mqttreactive.netty.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClient;
import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttClients;
import io.mqttreactive.MqttVersion;
import io.mqttreactive.netty.MqttClientResources;
import io.mqttreactive.netty.testing.ChildJvm;
import io.mqttreactive.netty.testing.HiveMqBroker;
import io.mqttreactive.netty.testing.MqttTestBroker.Listener;
import io.mqttreactive.netty.testing.RunningBroker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.resources.LoopResources;

/**
 * Which event loops clients run on, seen in the threads messages are delivered on: by default the global loops
 * Spring WebFlux runs on ({@code reactor-http-*}) when reactor-netty-http is present and reactor-netty-core's
 * ({@code reactor-tcp-*}) when it is not; the application's own loops when it passes them as
 * {@link MqttClientResources} to {@link MqttClients#create(MqttClientOptions, io.mqttreactive.spi.ClientResources)}.
 */
class SharedEventLoopsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RunningBroker<HiveMqBroker> BROKER = new RunningBroker<>(HiveMqBroker::start);

    @Test
    void byDefaultClientsRunOnTheGlobalHttpLoopsThatWebFluxRunsOn() {
        MqttClient client = MqttClients.create(options("default-loops"));

        assertThat(DeliveryThreadChild.deliveryThread(client, "loops/default")).startsWith("reactor-http-");
    }

    @Test
    void withoutReactorNettyHttpClientsRunOnTheGlobalTcpLoops() throws Exception {
        try (ChildJvm child = ChildJvm.startWithout("reactor-netty-http-", DeliveryThreadChild.class,
                Integer.toString(BROKER.get().port(Listener.TCP)), "loops/without-http")) {
            assertThat(child.awaitLine(line -> line.startsWith(DeliveryThreadChild.PRESENT), WAIT))
                    .isEqualTo(DeliveryThreadChild.PRESENT + false);
            String outcome = child.awaitLine(line -> line.startsWith(DeliveryThreadChild.DELIVERED)
                    || line.startsWith(DeliveryThreadChild.FAILED), WAIT);

            assertThat(outcome).startsWith(DeliveryThreadChild.DELIVERED + "reactor-tcp-");
        }
    }

    @Test
    void clientsCreatedOnTheApplicationsLoopsRunOnThem() {
        LoopResources loops = LoopResources.create("application-loops", 2, true);
        try {
            MqttClient client = MqttClients.create(options("own-loops"), MqttClientResources.of(loops));

            assertThat(DeliveryThreadChild.deliveryThread(client, "loops/own")).startsWith("application-loops-");
        } finally {
            loops.disposeLater(Duration.ZERO, WAIT).block(WAIT);
        }
    }

    @Test
    void theGlobalResourcesCanBePassedExplicitly() {
        MqttClient client = MqttClients.create(options("explicit-global"), MqttClientResources.global());

        assertThat(DeliveryThreadChild.deliveryThread(client, "loops/explicit")).startsWith("reactor-http-");
    }

    private static MqttClientOptions options(String clientId) {
        return MqttClientOptions.builder().serverHost("127.0.0.1").serverPort(BROKER.get().port(Listener.TCP))
                .version(MqttVersion.MQTT_5_0).clientId(clientId).build();
    }
}
