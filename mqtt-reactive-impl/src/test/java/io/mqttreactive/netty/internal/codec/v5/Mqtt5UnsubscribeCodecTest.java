package io.mqttreactive.netty.internal.codec.v5;

import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertGolden;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertInvalid;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertMalformed;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.assertProtocolError;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.hex;
import static io.mqttreactive.netty.internal.codec.v5.Mqtt5Wire.packet;

import io.mqttreactive.netty.internal.packet.UnsubscribePacket;
import io.mqttreactive.netty.internal.packet.UserProperty;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Mqtt5UnsubscribeCodecTest {

    @Test
    @DisplayName("UNSUBSCRIBE two filters, no properties")
    void minimal() {
        assertGolden(UnsubscribePacket.of(3, List.of("a", "b/c")), hex(
                "a2",                  // UNSUBSCRIBE, flags 0010 [MQTT-3.10.1-1] (5.0)
                "0b",                  // remaining length 11
                "0003",                // packet identifier 3
                "00",                  // property length 0
                "0001 61",             // topic filter "a"
                "0003 622f63"));       // topic filter "b/c"
    }

    @Test
    @DisplayName("UNSUBSCRIBE with a User Property, its only property, and packet identifier 65535")
    void everyProperty() {
        assertGolden(new UnsubscribePacket(65_535, List.of("$share/g/#"), List.of(new UserProperty("k", "v"))), hex(
                "a2",                        // UNSUBSCRIBE
                "16",                        // remaining length 22
                "ffff",                      // packet identifier 65535
                "07",                        // property length 7
                "26 0001 6b 0001 76",        // User Property k=v
                "000a 2473686172652f672f23")); // topic filter "$share/g/#"
    }

    @Test
    @DisplayName("UNSUBSCRIBE without a topic filter is a Protocol Error [MQTT-3.10.3-2] (5.0)")
    void noFilter() {
        assertProtocolError(packet("a2", "0001 00"));
    }

    @Test
    @DisplayName("an empty topic filter is a Protocol Error [MQTT-4.7.3-1] (5.0)")
    void emptyFilter() {
        assertProtocolError(packet("a2", "0001 00", "0000"));
    }

    @Test
    @DisplayName("UNSUBSCRIBE packet identifier 0 is a Protocol Error")
    void packetIdZero() {
        assertProtocolError(packet("a2", "0000 00", "0001 74"));
    }

    @Test
    @DisplayName("a Subscription Identifier is not valid in UNSUBSCRIBE: Malformed (section 2.2.2.2)")
    void subscriptionIdentifierNotValid() {
        assertMalformed(packet("a2", "0001 02 0b01", "0001 74"));
    }

    @Test
    @DisplayName("a topic filter cut short is Malformed")
    void truncatedFilter() {
        assertMalformed(packet("a2", "0001 00", "0005 6162"));
    }

    @Test
    @DisplayName("encoder refuses UNSUBSCRIBE without a topic filter [MQTT-3.10.3-2] (5.0)")
    void encoderRefusesNoFilter() {
        assertInvalid(UnsubscribePacket.of(1, List.of()));
    }

    @Test
    @DisplayName("encoder refuses an empty topic filter and packet identifier 0")
    void encoderRefusesEmptyFilterAndPacketIdZero() {
        assertInvalid(UnsubscribePacket.of(1, List.of("")));
        assertInvalid(UnsubscribePacket.of(0, List.of("t")));
    }
}
