package io.mqttreactive.auth;

import reactor.core.publisher.Mono;

/**
 * MQTT 5.0 enhanced authentication (section 4.12): a challenge and response exchange between the client and the
 * broker, under an Authentication Method both know, such as {@code SCRAM-SHA-256}. Set one with
 * {@link io.mqttreactive.MqttClientOptions.Builder#enhancedAuthentication(EnhancedAuthenticator)}.
 *
 * <p>The client runs one {@link Exchange} for every connection, reconnects included, and one for every
 * {@link io.mqttreactive.MqttClient#reauthenticate()}: the CONNECT (or an AUTH with reason Re-authenticate, 0x19)
 * carries the method and {@link Exchange#initialData()}; each AUTH with reason Continue authentication (0x18) the
 * broker sends is answered with an AUTH 0x18 carrying {@link Exchange#challenge(byte[])}; the broker's CONNACK (or
 * AUTH Success) ends it, and its Authentication Data goes to {@link Exchange#success(byte[])}, where the client can
 * check the broker in turn. Every AUTH the client sends carries the same method ([MQTT-4.12.0-3],
 * [MQTT-4.12.0-5], [MQTT-4.12.1-1] (5.0)). A failure in any step ends the connection with an
 * {@link io.mqttreactive.exception.MqttAuthenticationException}; a refusal by the broker is its CONNACK or
 * DISCONNECT, with reason Not authorized (0x87) or Bad authentication method (0x8C) for example.
 *
 * <p>Exchanges never overlap, and run within the connect timeout. Their {@code Mono}s may complete on any thread;
 * {@link Exchange#success(byte[])} is called on the client's event loop and must not block.
 */
public interface EnhancedAuthenticator {

    /** @return the Authentication Method, a UTF-8 string both sides know, such as {@code SCRAM-SHA-256} */
    String method();

    /**
     * Starts an exchange, for a new connection or a re-authentication.
     *
     * @return the exchange, holding whatever state its steps share
     */
    Exchange start();

    /** One authentication exchange. */
    interface Exchange {

        /**
         * @return the Authentication Data of the CONNECT or of the re-authenticating AUTH; empty for none
         */
        Mono<byte[]> initialData();

        /**
         * Answers a challenge.
         *
         * @param data the Authentication Data of the broker's AUTH, empty if it sent none
         * @return the Authentication Data of the answering AUTH; empty for none
         */
        Mono<byte[]> challenge(byte[] data);

        /**
         * Takes the broker's word that authentication succeeded, and checks it where the method allows, such as
         * the server signature of SCRAM.
         *
         * @param data the Authentication Data of the CONNACK or of the AUTH Success, empty if it sent none
         * @throws RuntimeException to refuse the broker: the client closes the connection
         */
        void success(byte[] data);
    }
}
