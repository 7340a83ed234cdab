package io.mqttreactive.netty.it;

import io.mqttreactive.netty.testing.RequiresMosquitto;
import io.mqttreactive.netty.testing.RunningBroker;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SharedSubscriptionContract} against Eclipse Mosquitto 2, one broker for the class; skipped with a printed
 * reason when mosquitto is missing, failed instead when {@code MQTT_REQUIRE_MOSQUITTO=true}.
 *
 * <p>What mosquitto 2.0.11 does, as measured here, under MQTT 3.1.1 as under 5.0. It deals strictly in turn,
 * 100/100/100 of 300 messages every run, whether or not a member keeps up: a member that never acknowledges gets
 * its third all the same (up to its in-flight window of 20, then queued for it), and holding messages does not
 * slow the others. The unacknowledged messages belong to that member's session: when the session ends (DISCONNECT
 * or a cut link with a clean start, session expiry 0) they are discarded, 16 of 91 in the leaving tests, and the
 * group never gets them. When the session is kept, the member stays in the group while offline and is dealt its
 * third of what is published meanwhile (15 of 45); all of it, and the messages it held, reach it when it connects
 * again, and nothing is lost.
 */
@RequiresMosquitto
class MosquittoSharedSubscriptionIT extends SharedSubscriptionContract {

    @RegisterExtension
    static final RunningBroker<PolicyBroker> BROKER = new RunningBroker<>(() -> PolicyBroker.mosquitto());

    @Override
    PolicyBroker broker() {
        return BROKER.get();
    }

    @Override
    boolean distributesInTurn() {
        return true;
    }

    @Override
    Unacknowledged whenTheSessionEnds() {
        return Unacknowledged.DISCARDED;
    }

    @Override
    Unacknowledged whenTheSessionStays() {
        return Unacknowledged.KEPT_FOR_THE_MEMBER;
    }

    @Override
    boolean blocksTheGroupWhileItsOldestMessageIsHeld() {
        return false;
    }

    @Override
    boolean dealsToOfflineMembers() {
        return true;
    }
}
