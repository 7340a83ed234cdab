package io.mqttreactive.netty.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.MqttQos;
import io.mqttreactive.message.MqttMessage;
import io.mqttreactive.message.PayloadFormatIndicator;
import io.mqttreactive.message.UserProperties;
import io.mqttreactive.netty.internal.session.LogRecord.Cleared;
import io.mqttreactive.netty.internal.session.LogRecord.InboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.InboundStored;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundRemoved;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStateChanged;
import io.mqttreactive.netty.internal.session.LogRecord.OutboundStored;
import io.mqttreactive.netty.testing.fuzz.HeapAllocation;
import io.mqttreactive.spi.StoredPublish;
import io.mqttreactive.spi.StoredPublish.State;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The record format of the session log: every field round-trips, sizes are exact, damage is detected. */
class LogRecordCodecTest {

    static Stream<LogRecord> everyRecordType() {
        return Stream.of(
                new OutboundStored("client-\u00e9", StoreSamples.full(65_535, 7)),
                new OutboundStored("", StoreSamples.qos1(1, 1)),
                new OutboundStateChanged("c", 42, State.AWAITING_PUBCOMP),
                new OutboundStateChanged("c", 43, State.AWAITING_PUBACK),
                new OutboundRemoved("c", 1),
                new InboundStored("c", 65_535),
                new InboundRemoved("c", 2),
                new Cleared("client"));
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void everyRecordTypeRoundTripsWithItsExactFrameSize(LogRecord record) {
        ByteBuffer frame = LogRecordCodec.encode(record);

        assertThat(frame.remaining()).isEqualTo(LogRecordCodec.frameSize(record));
        assertThat(decodeFrame(frame)).isEqualTo(record);
    }

    @Test
    void everyFieldOfAMessageRoundTrips() {
        MqttMessage message = StoreSamples.fullMessage(3);
        OutboundStored record = new OutboundStored("c", new StoredPublish(9, State.AWAITING_PUBCOMP, message));

        MqttMessage read = ((OutboundStored) decodeFrame(LogRecordCodec.encode(record))).publish().message();

        assertThat(read).isEqualTo(message);
        assertThat(read.topic().value()).isEqualTo("sensors/\u00e9t\u00e9/3");
        assertThat(read.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(read.retain()).isTrue();
        assertThat(read.messageExpiryInterval()).contains(StoreSamples.MAX_EXPIRY);
        assertThat(read.payloadFormatIndicator()).isEqualTo(PayloadFormatIndicator.UTF_8);
        assertThat(read.contentType()).contains("application/json; charset=utf-8");
        assertThat(read.responseTopic().orElseThrow().value()).isEqualTo("replies/\uD83D\uDE00/3");
        assertThat(read.correlationData().orElseThrow()).containsExactly(0, 1, 0x7F, 0x80, 0xFF);
        assertThat(read.userProperties().asList()).extracting(p -> p.name() + "=" + p.value())
                .containsExactly("b=2", "a=1", "b=3", "\u4e2d=");
        assertThat(read.subscriptionIdentifiers()).containsExactly(1, 268_435_455);
        assertThat(read.topicAliasAllowed()).isFalse();
        assertThat(read.payload()).isEqualTo(message.payload());
    }

    @Test
    @DisplayName("a message that allows a topic alias (the default, and every message of records written before the "
            + "flag existed) leaves the flags' bit 7 clear and reads back allowing one")
    void topicAliasFlagRoundTripsAndDefaultsToAllowed() {
        MqttMessage message = StoreSamples.plainMessage(4, MqttQos.AT_LEAST_ONCE);
        ByteBuffer bytes = ByteBuffer.allocate((int) MessageCodec.size(message));
        MessageCodec.write(message, bytes);
        assertThat(bytes.get(0) & 0x80).isZero();

        MqttMessage read = MessageCodec.read(bytes.flip());

        assertThat(read.topicAliasAllowed()).isTrue();
        assertThat(read).isEqualTo(message);
    }

    @Test
    void absentPropertiesStayAbsentAndEmptyValuesStayEmpty() {
        MqttMessage message = MqttMessage.builder().topic("t").qos(MqttQos.AT_LEAST_ONCE)
                .messageExpiryInterval(Duration.ZERO).contentType("").correlationData(new byte[0]).build();
        MqttMessage bare = MqttMessage.builder().topic("t").qos(MqttQos.AT_LEAST_ONCE).build();

        assertThat(roundTrip(message)).isEqualTo(message);
        assertThat(roundTrip(message).messageExpiryInterval()).contains(Duration.ZERO);
        assertThat(roundTrip(message).correlationData().orElseThrow()).isEmpty();
        MqttMessage readBare = roundTrip(bare);
        assertThat(readBare).isEqualTo(bare);
        assertThat(readBare.messageExpiryInterval()).isEmpty();
        assertThat(readBare.contentType()).isEmpty();
        assertThat(readBare.responseTopic()).isEmpty();
        assertThat(readBare.correlationData()).isEmpty();
        assertThat(readBare.payloadSize()).isZero();
    }

    @Test
    void aRemovedRecordIsFramedByteForByteAsDocumented() {
        ByteBuffer frame = LogRecordCodec.encode(new OutboundRemoved("ab", 0x0102));
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);

        String hex = HexFormat.of().formatHex(bytes);
        assertThat(hex.substring(0, 8)).as("body length").isEqualTo("00000007");
        assertThat(hex.substring(16)).as("type 3, client id \"ab\", packet id 0x0102").isEqualTo("0300026162" + "0102");
        assertThat(LogRecordCodec.checksum(bytes, 7)).as("CRC32C").isEqualTo(ByteBuffer.wrap(bytes).getInt(4));
    }

    @Test
    void theChecksumCoversTheLengthAndEveryBodyByte() {
        ByteBuffer frame = LogRecordCodec.encode(new OutboundStored("c", StoreSamples.full(5, 5)));
        byte[] bytes = frame.array();
        int bodyLength = bytes.length - LogRecordCodec.FRAME_HEADER;
        int checksum = ByteBuffer.wrap(bytes).getInt(4);
        for (int i = 0; i < bytes.length; i++) {
            if (i >= 4 && i < LogRecordCodec.FRAME_HEADER) {
                continue;
            }
            bytes[i] ^= 0x10;
            assertThat(LogRecordCodec.checksum(bytes, bodyLength)).as("byte %d flipped", i).isNotEqualTo(checksum);
            bytes[i] ^= 0x10;
        }
    }

    @Test
    void malformedBodiesAreRefusedNotMisread() {
        assertThatThrownBy(() -> LogRecordCodec.decode(ByteBuffer.wrap(new byte[] {9, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown record type 9");
        assertThatThrownBy(() -> LogRecordCodec.decode(ByteBuffer.wrap(new byte[] {3, 0, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> LogRecordCodec.decode(ByteBuffer.wrap(new byte[] {3, 0, 0, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("packet identifier 0");
        assertThatThrownBy(() -> LogRecordCodec.decode(ByteBuffer.wrap(new byte[] {6, 0, 0, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 bytes after the record");
        assertThatThrownBy(() -> LogRecordCodec.decode(ByteBuffer.wrap(new byte[] {2, 0, 0, 0, 1, 4})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown state 4");
    }

    @Test
    void aLengthBeyondTheRecordIsRefusedBeforeAnythingIsAllocatedForIt() {
        // INBOUND_STORED whose client identifier claims 65,535 bytes; the record ends after two more.
        ByteBuffer body = ByteBuffer.wrap(new byte[] {4, (byte) 0xFF, (byte) 0xFF, 0, 1});
        assertThatThrownBy(() -> LogRecordCodec.decode(body.duplicate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");

        long allocated = HeapAllocation.during(() -> assertThatThrownBy(() -> LogRecordCodec.decode(body.duplicate())));

        assertThat(allocated).as("heap bytes allocated to refuse the record").isLessThan(65_535);
    }

    @Test
    void aClientIdThatCannotBeReadBackIsRefused() {
        assertThatThrownBy(() -> LogRecordCodec.frameSize(new Cleared("bad \uD800 surrogate")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> LogRecordCodec.inboundFrameSize("x".repeat(65_536)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65,535");
        assertThat(LogRecordCodec.inboundFrameSize("x".repeat(65_535))).isEqualTo(8 + 1 + 2 + 65_535 + 2);
    }

    @Property(tries = 300)
    void anyMessageRoundTripsAndItsSizeIsExact(@ForAll("messages") MqttMessage message, @ForAll("clientIds") String clientId) {
        StoredPublish publish = new StoredPublish(1, message.qos() == MqttQos.AT_LEAST_ONCE
                ? State.AWAITING_PUBACK : State.AWAITING_PUBREC, message);
        OutboundStored record = new OutboundStored(clientId, publish);
        ByteBuffer frame = LogRecordCodec.encode(record);

        assertThat(frame.remaining()).isEqualTo(LogRecordCodec.outboundFrameSize(clientId, message));
        assertThat(decodeFrame(frame)).isEqualTo(record);
    }

    @Provide
    Arbitrary<String> clientIds() {
        return Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(40);
    }

    @Provide
    Arbitrary<MqttMessage> messages() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(20);
        Arbitrary<String> topic = Arbitraries.strings().withChars("abc/\u00e9\u4e2d").ofMinLength(1).ofMaxLength(20);
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<UserProperties> properties = Combinators.combine(text, text).as(List::of)
                .list().ofMaxSize(4).map(pairs -> {
                    UserProperties.Builder builder = UserProperties.builder();
                    pairs.forEach(pair -> builder.add(pair.get(0), pair.get(1)));
                    return builder.build();
                });
        return Combinators.combine(topic, bytes, Arbitraries.of(MqttQos.AT_LEAST_ONCE, MqttQos.EXACTLY_ONCE),
                Arbitraries.longs().between(-1, 4_294_967_295L), text.injectNull(0.5), topic.injectNull(0.5),
                bytes.injectNull(0.5), properties).as((t, payload, qos, expiry, contentType, response, correlation,
                        userProperties) -> MqttMessage.builder().topic(t).payload(payload).qos(qos)
                                .retain(payload.length % 2 == 0)
                                .messageExpiryInterval(expiry < 0 ? null : Duration.ofSeconds(expiry))
                                .contentType(contentType).responseTopic(response).correlationData(correlation)
                                .userProperties(userProperties).topicAliasAllowed(payload.length % 3 != 0).build());
    }

    private static MqttMessage roundTrip(MqttMessage message) {
        StoredPublish publish = new StoredPublish(1, State.AWAITING_PUBACK, message);
        return ((OutboundStored) decodeFrame(LogRecordCodec.encode(new OutboundStored("c", publish)))).publish()
                .message();
    }

    private static LogRecord decodeFrame(ByteBuffer frame) {
        int length = frame.getInt(0);
        assertThat(length).isEqualTo(frame.remaining() - LogRecordCodec.FRAME_HEADER);
        assertThat(LogRecordCodec.checksum(frame.array(), length)).isEqualTo(frame.getInt(4));
        return LogRecordCodec.decode(ByteBuffer.wrap(frame.array(), LogRecordCodec.FRAME_HEADER, length));
    }
}
