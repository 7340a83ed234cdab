package io.mqttreactive.benchmarks.contestants;

import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Eclipse Paho MQTT v5: {@code MqttAsyncClient} with action listeners, in-memory persistence. */
public final class PahoV5Contestant implements Contestant {

    private static final long TIMEOUT_MILLIS = 30_000;

    @Override
    public String name() {
        return "Paho v5";
    }

    private static MqttAsyncClient connect(String host, int port, String clientId, int window, MqttCallback callback)
            throws Exception {
        MqttAsyncClient client = new MqttAsyncClient("tcp://" + host + ":" + port, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(60);
        options.setReceiveMaximum(window);
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
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topicName, MqttMessage message) {
                listener.onMessage(message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.subscribe(topic, qos).waitForCompletion(TIMEOUT_MILLIS);
        return () -> disconnect(client);
    }

    private static void disconnect(MqttAsyncClient client) throws Exception {
        client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
        client.close();
    }

    private static MqttActionListener listener(CompletableFuture<Void> done) {
        return new MqttActionListener() {
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
