package io.mqttreactive.options;

/** The order in which a client with {@link FailoverOptions#servers()} tries its brokers after a failure. */
public enum ServerOrder {

    /** The next server of the list after the one that failed, then the first again; the default. */
    IN_ORDER,

    /** A server other than the one that failed, chosen at random, so that many clients spread over the list. */
    RANDOM
}
