package io.mqttreactive.netty.internal.flow;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.MqttQos;
import io.mqttreactive.exception.MqttConnectException;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttDisconnectedException;
import io.mqttreactive.exception.MqttException;
import io.mqttreactive.exception.MqttProtocolException;
import io.mqttreactive.exception.MqttServerUnavailableException;
import io.mqttreactive.message.ConnectReasonCode;
import io.mqttreactive.message.ConnectResult;
import io.mqttreactive.message.DisconnectReasonCode;
import io.mqttreactive.netty.internal.mapping.PacketMapper;
import io.mqttreactive.netty.internal.codec.EncodeContext;
import io.mqttreactive.netty.internal.codec.MqttEncodeException;
import io.mqttreactive.netty.internal.codec.MqttPacketEncoder;
import io.mqttreactive.netty.internal.packet.ConnAckPacket;
import io.mqttreactive.netty.internal.packet.ConnectPacket;
import io.mqttreactive.netty.internal.packet.ReasonCode;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The CONNECT that opens every connection ([MQTT-3.1.0-1]) and the reading of its CONNACK: the server's
 * limits become a {@link ConnectResult}, a refusal a typed exception. MQTT 3.1.1 section 3.1 and 3.2,
 * MQTT 5.0 section 3.1 and 3.2.
 */
public final class ConnectHandshake {

    private ConnectHandshake() {
    }

    /** Builds the first CONNECT of a client, with the options' client id and clean start. */
    public static ConnectPacket connectPacket(MqttClientOptions options) {
        return connectPacket(options, options.clientId(), options.session().cleanStart());
    }

    /**
     * Builds a CONNECT; the caller decides the client id (the one the server assigned, to resume its session)
     * and clean start, knowing whether a session is held.
     */
    public static ConnectPacket connectPacket(MqttClientOptions options, String clientId, boolean cleanStart) {
        boolean mqtt5 = options.version().isMqtt5();
        return connectPacket(options, clientId, cleanStart, mqtt5 ? options.authenticationMethod().orElse(null) : null,
                mqtt5 ? options.authenticationData().orElse(null) : null);
    }

    /** Builds a CONNECT like {@link #connectPacket(MqttClientOptions, String, boolean)}, with this authentication. */
    public static ConnectPacket connectPacket(MqttClientOptions options, String clientId, boolean cleanStart,
            @Nullable String authenticationMethod, byte @Nullable [] authenticationData) {
        boolean mqtt5 = options.version().isMqtt5();
        return new ConnectPacket(
                options.version(),
                clientId,
                cleanStart,
                (int) options.keepAlive().toSeconds(),
                options.username().orElse(null),
                options.password().orElse(null),
                options.will().map(PacketMapper::toWill).orElse(null),
                mqtt5 ? options.session().sessionExpiryInterval().toSeconds() : 0,
                mqtt5 ? options.flowControl().receiveMaximum() : ConnectPacket.DEFAULT_RECEIVE_MAXIMUM,
                mqtt5 ? maximumPacketSizeToAnnounce(options) : ConnectPacket.NO_MAXIMUM_PACKET_SIZE,
                mqtt5 ? options.flowControl().topicAliasMaximum() : 0,
                mqtt5 && options.requestResponseInformation(),
                !mqtt5 || options.requestProblemInformation(),
                mqtt5 ? PacketMapper.toWire(options.userProperties()) : java.util.List.of(),
                authenticationMethod,
                authenticationData);
    }

    /**
     * Checks that the options make a CONNECT the version allows, before any I/O: for instance a password
     * without a user name in 3.1.1 ([MQTT-3.1.2-22]) or an empty client id in 3.1.
     *
     * @throws IllegalArgumentException naming what the version refuses
     */
    public static void validate(MqttClientOptions options) {
        try {
            MqttPacketEncoder.encode(connectPacket(options),
                    UnpooledByteBufAllocator.DEFAULT, EncodeContext.of(options.version())).release();
        } catch (MqttEncodeException e) {
            throw new IllegalArgumentException("invalid options for " + options.version() + ": " + e.getMessage(), e);
        }
    }

    private static long maximumPacketSizeToAnnounce(MqttClientOptions options) {
        int maximum = options.flowControl().maximumPacketSize();
        return maximum >= ConnectResult.UNLIMITED_PACKET_SIZE ? ConnectPacket.NO_MAXIMUM_PACKET_SIZE : maximum;
    }

    /**
     * Maps what ended a connection before its CONNACK. A server DISCONNECT with Session taken over (0x8E) there
     * comes from a race between connections of one client identifier, most often the client's own attempt that
     * a cut link abandoned while the broker was still processing its CONNECT: it is a transient
     * {@link MqttConnectionClosedException}, so reconnect tries again. Any other failure stays as it is.
     */
    public static MqttException failureBeforeConnAck(MqttException failure) {
        if (failure instanceof MqttDisconnectedException disconnected
                && disconnected.disconnectReasonCode() == DisconnectReasonCode.SESSION_TAKEN_OVER) {
            return new MqttConnectionClosedException("the broker gave the session to another connection before "
                    + "CONNACK", failure);
        }
        return failure;
    }

    /**
     * Checks Session Present against the Clean Start the CONNECT carried. A client that started clean holds no
     * session, so in MQTT 5 Session Present 1 is a protocol error that closes the connection ([MQTT-3.2.2-4]
     * 5.0). In 3.1.1, where the server broke [MQTT-3.2.2-1] (3.1.1), the CONNACK counts as one without a session,
     * so that every subscription is made again rather than silently lost.
     *
     * @return the CONNACK to go on with
     * @throws MqttProtocolException in MQTT 5, for Session Present 1 after Clean Start 1
     */
    public static ConnAckPacket checkSessionPresent(ConnAckPacket connAck, boolean cleanStart, boolean mqtt5) {
        if (!cleanStart || !connAck.sessionPresent()) {
            return connAck;
        }
        if (mqtt5) {
            throw new MqttProtocolException("the broker said Session Present after a CONNECT with Clean Start "
                    + "[MQTT-3.2.2-4] (5.0)");
        }
        return connAck.withoutSessionPresent();
    }

    /** Tells whether a CONNACK accepts the connection. */
    public static boolean isAccepted(ConnAckPacket connAck) {
        return connAck.reasonCode() == ReasonCode.SUCCESS;
    }

    /** Maps an accepting CONNACK to the result the user sees. */
    public static ConnectResult toResult(ConnAckPacket connAck) {
        ConnectResult.Builder builder = ConnectResult.builder()
                .sessionPresent(connAck.sessionPresent())
                .assignedClientIdentifier(connAck.assignedClientIdentifier())
                .receiveMaximum(connAck.receiveMaximum())
                .maximumQos(MqttQos.fromCode(connAck.maximumQos()))
                .retainAvailable(connAck.retainAvailable())
                .maximumPacketSize(connAck.maximumPacketSize() == ConnectPacket.NO_MAXIMUM_PACKET_SIZE
                        ? ConnectResult.UNLIMITED_PACKET_SIZE
                        : (int) Math.min(connAck.maximumPacketSize(), ConnectResult.UNLIMITED_PACKET_SIZE))
                .topicAliasMaximum(connAck.topicAliasMaximum())
                .wildcardSubscriptionAvailable(connAck.wildcardSubscriptionAvailable())
                .subscriptionIdentifiersAvailable(connAck.subscriptionIdentifiersAvailable())
                .sharedSubscriptionAvailable(connAck.sharedSubscriptionAvailable())
                .responseInformation(connAck.responseInformation())
                .serverReference(connAck.serverReference())
                .reasonString(connAck.reasonString())
                .userProperties(PacketMapper.toApi(connAck.userProperties()));
        if (connAck.sessionExpiryInterval() != ConnAckPacket.ABSENT_SESSION_EXPIRY) {
            builder.sessionExpiryInterval(Duration.ofSeconds(connAck.sessionExpiryInterval()));
        }
        if (connAck.serverKeepAlive() != ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE) {
            builder.serverKeepAlive(Duration.ofSeconds(connAck.serverKeepAlive()));
        }
        return builder.build();
    }

    /**
     * Maps a refusing CONNACK to an exception: transient refusals (server unavailable or busy, quota, rate) to
     * {@link MqttServerUnavailableException}, the others (bad credentials, not authorized, ...) to
     * {@link MqttConnectException}.
     */
    public static MqttException toException(ConnAckPacket connAck, boolean mqtt5) {
        ConnectReasonCode code = mqtt5
                ? ConnectReasonCode.fromCode(connAck.reasonCode())
                : ConnectReasonCode.fromMqtt3ReturnCode(connAck.reasonCode());
        var properties = PacketMapper.toApi(connAck.userProperties());
        return code.isTransient()
                ? new MqttServerUnavailableException(code, connAck.reasonString(), properties, connAck.serverReference())
                : new MqttConnectException(code, connAck.reasonString(), properties);
    }

    /**
     * Tells whether the session outlives a connection, so that a reconnect resumes it with clean start 0: in
     * MQTT 5 when the session expiry interval is not 0, in 3.x when clean session is 0 ([MQTT-3.1.2-4] 3.1.1).
     */
    public static boolean sessionOutlivesConnection(MqttClientOptions options) {
        return options.version().isMqtt5()
                ? !options.session().sessionExpiryInterval().isZero()
                : !options.session().cleanStart();
    }

    /** Returns the keep-alive in force: the server's when it sent one ([MQTT-3.1.2-21] 5.0), else ours. */
    public static int effectiveKeepAlive(MqttClientOptions options, ConnAckPacket connAck) {
        return connAck.serverKeepAlive() != ConnAckPacket.ABSENT_SERVER_KEEP_ALIVE
                ? connAck.serverKeepAlive()
                : (int) options.keepAlive().toSeconds();
    }
}
