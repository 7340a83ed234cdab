package io.mqttreactive.benchmarks.contestants;

import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Eclipse Paho MQTT v3 (3.1.1): {@code MqttAsyncClient} with action listeners, in-memory persistence. */
public final class PahoV3Contestant implements Contestant {

    private static final long TIMEOUT_MILLIS = 30_000;

    @Override
    public String name() {
        return "Paho v3";
    }

    private static MqttAsyncClient connect(String host, int port, String clientId, int window, MqttCallback callback)
            throws Exception {
        MqttAsyncClient client = new MqttAsyncClient("tcp://" + host + ":" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setKeepAliveInterval(60);
        options.setMaxInflight(window);
        options.setAutomaticReconnect(false);
        if (callback != null) {
            client.setCallback(callback);
        }
        client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
        return client;
    }

    @Override
    public BenchPublisher publisher(String host, int port, String clientId, int window) throws Exception {
        MqttAsyncClient client = connect(host, port, clientId, window, null);
        return new WindowedPublishing((topic, payload, qos, done) ->
                client.publish(topic, payload, qos, false, null, listener(done)), () -> disconnect(client), window);
    }

    @Override
    public BenchSubscriber subscriber(String host, int port, String clientId, String topic, int qos, int window,
            MessageListener listener) throws Exception {
        MqttAsyncClient client = connect(host, port, clientId, window, new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topicName, MqttMessage message) {
                listener.onMessage(message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.subscribe(topic, qos).waitForCompletion(TIMEOUT_MILLIS);
        return () -> disconnect(client);
    }

    private static void disconnect(MqttAsyncClient client) throws Exception {
        client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
        client.close();
    }

    private static IMqttActionListener listener(CompletableFuture<Void> done) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                done.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                done.completeExceptionally(error);
            }
        };
    }
}
