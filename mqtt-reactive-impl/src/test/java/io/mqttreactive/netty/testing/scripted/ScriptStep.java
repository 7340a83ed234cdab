package io.mqttreactive.netty.testing.scripted;

import io.mqttreactive.netty.internal.packet.MqttPacket;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One step of a {@link ScriptedBroker}'s script, or one of its standing rules: which packet, and how the broker
 * answers it. It takes effect when one of the answering methods is called, so a packet can never meet a step
 * whose answer is not known yet.
 *
 * @param <P> the packet type matched
 */
public final class ScriptStep<P extends MqttPacket> {

    private final ScriptedBroker broker;
    private final PacketMatcher<P> matcher;
    private final boolean standing;
    private final List<Function<? super P, ? extends MqttPacket>> answers = new ArrayList<>();
    private boolean thenClose;

    ScriptStep(ScriptedBroker broker, PacketMatcher<P> matcher, boolean standing) {
        this.broker = broker;
        this.matcher = matcher;
        this.standing = standing;
    }

    /** Answers with fixed packets. */
    public ScriptedBroker answer(MqttPacket... packets) {
        for (MqttPacket packet : packets) {
            answers.add(received -> packet);
        }
        return broker.add(this);
    }

    /** Answers with a packet made from the received one, e.g. a PUBACK with its packet id. */
    public ScriptedBroker answer(Function<? super P, ? extends MqttPacket> answer) {
        answers.add(answer);
        return broker.add(this);
    }

    /** Takes the packet and never answers it. */
    public ScriptedBroker answerNothing() {
        return broker.add(this);
    }

    /** Answers with fixed packets (possibly none), then closes the connection. */
    public ScriptedBroker answerAndClose(MqttPacket... packets) {
        thenClose = true;
        return answer(packets);
    }

    PacketMatcher<P> matcher() {
        return matcher;
    }

    boolean isStanding() {
        return standing;
    }

    /** Answers a packet this step's matcher accepted. */
    void run(Channel channel, MqttPacket packet) {
        P typed = matcher.cast(packet);
        broker.write(channel, answers.stream().<MqttPacket>map(answer -> answer.apply(typed)).toList(), thenClose);
    }
}
