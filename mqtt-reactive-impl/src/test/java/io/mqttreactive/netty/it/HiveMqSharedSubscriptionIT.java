package io.mqttreactive.netty.it;

/**
 * {@link SharedSubscriptionContract} against HiveMQ CE, one broker shared by the HiveMQ suites of this JVM
 * ({@link PolicyBroker#hivemq()}).
 *
 * <p>What HiveMQ CE does, as measured here. It keeps one queue per group and hands a batch of it to a member that
 * has nothing in flight, so it does not deal in turn: of 300 QoS 1 messages to three members that acknowledge at
 * once, runs gave 44/107/149 and 40/0/260 under MQTT 5.0, and 0/0/300 and 1/0/299 under MQTT 3.1.1. So only the
 * spec's promise is asserted, each message to exactly one member. While one member holds the group's oldest
 * message unacknowledged, no other message of the group reaches any member (0 of 45 within the quiet window,
 * every run); once that member leaves, by DISCONNECT, a cut link or a stop with its session kept, the messages it
 * held go to another member and the queue flows again: nothing is lost. A member offline with its session kept
 * is dealt nothing.
 */
class HiveMqSharedSubscriptionIT extends SharedSubscriptionContract {

    @Override
    PolicyBroker broker() {
        return PolicyBroker.hivemq();
    }

    @Override
    boolean distributesInTurn() {
        return false;
    }


    @Override
    Unacknowledged whenTheSessionEnds() {
        return Unacknowledged.REDISTRIBUTED;
    }

    @Override
    Unacknowledged whenTheSessionStays() {
        return Unacknowledged.REDISTRIBUTED;
    }

    @Override
    boolean blocksTheGroupWhileItsOldestMessageIsHeld() {
        return true;
    }

    @Override
    boolean dealsToOfflineMembers() {
        return false;
    }
}
