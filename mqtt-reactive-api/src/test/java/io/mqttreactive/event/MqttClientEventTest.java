package io.mqttreactive.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.message.UnsubscribeReasonCode;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.options.OverflowStrategy;
import io.mqttreactive.topic.MqttTopic;
import io.mqttreactive.topic.MqttTopicFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MqttClientEventTest {

    @Test
    void eventKindsAreTheSealedPermittedRecords() {
        assertThat(MqttClientEvent.class.isSealed()).isTrue();
        assertThat(Arrays.stream(MqttClientEvent.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("Connected", "ConnectFailed", "Disconnected", "ServerDisconnect",
                        "Redirected", "Reconnecting", "Subscribed", "Unsubscribed", "MessageDropped",
                        "BufferedMessagesDiscarded",
                        "ReceiveMaximumExceeded",
                        "SessionRestored", "RestoredPublishFinished", "SessionStoreFailed",
                        "SessionStoreRecordsDiscarded", "ReconnectGaveUp", "OfflinePublishDropped",
                        "OfflineSubscriptionDropped");
        assertThat(MqttClientEvent.class.getPermittedSubclasses()).allMatch(Class::isRecord);
    }

    @Test
    void eventsAreValuesThatDescribeThemselves() {
        MqttClientEvent dropped = new MqttClientEvent.MessageDropped(Optional.of(MqttTopicFilter.of("sensors/#")),
                MqttTopic.of("sensors/a"), OverflowStrategy.DROP_OLDEST, 3);
        assertThat(dropped).isEqualTo(new MqttClientEvent.MessageDropped(Optional.of(MqttTopicFilter.of("sensors/#")),
                MqttTopic.of("sensors/a"), OverflowStrategy.DROP_OLDEST, 3));
        assertThat(dropped.toString()).contains("sensors/#", "DROP_OLDEST", "totalDropped=3");
        assertThat(describe(new MqttClientEvent.Reconnecting(2, Duration.ofSeconds(4)))).isEqualTo("reconnect #2 in PT4S");
        assertThat(describe(new MqttClientEvent.ServerDisconnect(DisconnectReasonCode.SERVER_SHUTTING_DOWN,
                Optional.of("bye"), UserProperties.empty(), Optional.empty()))).isEqualTo("server: SERVER_SHUTTING_DOWN");
        assertThat(describe(new MqttClientEvent.Connected(ConnectResult.builder().sessionPresent(true).build())))
                .isEqualTo("connected, session present: true");
        assertThat(describe(dropped)).isEqualTo("dropped 3");
    }

    @Test
    void listsAreCopiedAndNullsRejected() {
        List<MqttTopicFilter> filters = new ArrayList<>(List.of(MqttTopicFilter.of("a")));
        MqttClientEvent.Unsubscribed unsubscribed = new MqttClientEvent.Unsubscribed(filters,
                List.of(UnsubscribeReasonCode.SUCCESS));
        MqttClientEvent.OfflineSubscriptionDropped droppedSubscription =
                new MqttClientEvent.OfflineSubscriptionDropped(filters, 1);
        filters.clear();
        assertThat(unsubscribed.filters()).containsExactly(MqttTopicFilter.of("a"));
        assertThat(droppedSubscription.filters()).containsExactly(MqttTopicFilter.of("a"));
        assertThatThrownBy(() -> new MqttClientEvent.Disconnected(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MqttClientEvent.ConnectFailed(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MqttClientEvent.Reconnecting(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MqttClientEvent.SessionRestored(null, 1, 0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MqttClientEvent.RestoredPublishFinished(null, Optional.empty(), 0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MqttClientEvent.SessionStoreFailed("clear", null, 1))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MqttClientEvent.ReconnectGaveUp(1, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void discardedRecordsCarryTheirRangesAndTheirTotal() {
        List<MqttClientEvent.SessionStoreRecordsDiscarded.Range> ranges = new ArrayList<>(List.of(
                new MqttClientEvent.SessionStoreRecordsDiscarded.Range(40, 25),
                new MqttClientEvent.SessionStoreRecordsDiscarded.Range(200, 7)));
        MqttClientEvent.SessionStoreRecordsDiscarded discarded =
                new MqttClientEvent.SessionStoreRecordsDiscarded("store/session.log", ranges);
        ranges.clear();

        assertThat(discarded.ranges()).hasSize(2);
        assertThat(discarded.discardedBytes()).isEqualTo(32);
        assertThat(discarded.toString()).contains("store/session.log", "offset=40", "length=25");
        assertThatThrownBy(() -> new MqttClientEvent.SessionStoreRecordsDiscarded("log", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MqttClientEvent.SessionStoreRecordsDiscarded(null, discarded.ranges()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MqttClientEvent.SessionStoreRecordsDiscarded.Range(-1, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MqttClientEvent.SessionStoreRecordsDiscarded.Range(8, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionStates() {
        assertThat(ConnectionState.values()).containsExactly(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.DISCONNECTING,
                ConnectionState.CLOSED);
        assertThat(Arrays.stream(ConnectionState.values()).filter(ConnectionState::isConnected))
                .containsExactly(ConnectionState.CONNECTED);
    }

    private static String describe(MqttClientEvent event) {
        if (event instanceof MqttClientEvent.Reconnecting reconnecting) {
            return "reconnect #" + reconnecting.attempt() + " in " + reconnecting.delay();
        } else if (event instanceof MqttClientEvent.ServerDisconnect disconnect) {
            return "server: " + disconnect.reasonCode();
        } else if (event instanceof MqttClientEvent.Connected connected) {
            return "connected, session present: " + connected.result().sessionPresent();
        } else if (event instanceof MqttClientEvent.MessageDropped dropped) {
            return "dropped " + dropped.totalDropped();
        }
        return event.toString();
    }
}
