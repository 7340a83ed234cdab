package io.mqttreactive.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * SCRAM (RFC 5802) with SHA-256 ({@code SCRAM-SHA-256}, RFC 7677) or SHA-512 ({@code SCRAM-SHA-512}) as an MQTT 5.0
 * enhanced authentication: the CONNECT carries the client-first message, the broker's one challenge the
 * server-first message (nonce, salt, iteration count), the client's answer the client-final message with its
 * proof, and the CONNACK (or AUTH Success) the server-final message, whose server signature the client checks,
 * so that it knows the broker holds its credentials too. No channel binding ({@code n,,}). The password is used as
 * given, without SASLprep normalisation, so keep to characters that normalisation leaves alone (ASCII letters,
 * digits and punctuation do). Iteration counts below {@value #MINIMUM_ITERATIONS} are refused, as RFC 7677 advises.
 * The key derivation runs on {@code Schedulers.boundedElastic()}, never on the event loop.
 *
 * <pre>{@code
 * MqttClientOptions.builder()
 *     .version(MqttVersion.MQTT_5_0)
 *     .enhancedAuthentication(ScramAuthenticator.sha256("device-7", password))
 *     .build();
 * }</pre>
 */
public final class ScramAuthenticator implements EnhancedAuthenticator {

    /** The lowest iteration count accepted from a broker. */
    public static final int MINIMUM_ITERATIONS = 4096;

    private static final String GS2_HEADER = "n,,";
    private static final SecureRandom NONCES = new SecureRandom();

    private final String method;
    private final String hmac;
    private final String digest;
    private final String username;
    private final byte[] password;
    private final Supplier<String> nonces;

    private ScramAuthenticator(String method, String hmac, String digest, String username, String password,
            Supplier<String> nonces) {
        this.method = method;
        this.nonces = nonces;
        this.hmac = hmac;
        this.digest = digest;
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8);
        if (username.isEmpty()) {
            throw new IllegalArgumentException("the SCRAM user name must not be empty");
        }
    }

    /**
     * @param username the user name, sent to the broker
     * @param password the password, never sent
     * @return an authenticator for {@code SCRAM-SHA-256}
     */
    public static ScramAuthenticator sha256(String username, String password) {
        return new ScramAuthenticator("SCRAM-SHA-256", "HmacSHA256", "SHA-256", username, password,
                ScramAuthenticator::randomNonce);
    }

    /**
     * @param username the user name, sent to the broker
     * @param password the password, never sent
     * @return an authenticator for {@code SCRAM-SHA-512}
     */
    public static ScramAuthenticator sha512(String username, String password) {
        return new ScramAuthenticator("SCRAM-SHA-512", "HmacSHA512", "SHA-512", username, password,
                ScramAuthenticator::randomNonce);
    }

    /** {@code SCRAM-SHA-256} with a fixed client nonce, for the test vectors of RFC 7677. */
    static ScramAuthenticator sha256WithNonce(String username, String password, String nonce) {
        return new ScramAuthenticator("SCRAM-SHA-256", "HmacSHA256", "SHA-256", username, password, () -> nonce);
    }

    private static String randomNonce() {
        byte[] random = new byte[18];
        NONCES.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Exchange start() {
        return new ScramExchange();
    }

    @Override
    public String toString() {
        return "ScramAuthenticator[" + method + ", user=" + username + ", password=<redacted>]";
    }

    /** One SCRAM conversation: client-first, server-first, client-final, server-final. */
    private final class ScramExchange implements Exchange {

        private @Nullable String clientFirstBare;
        private @Nullable String clientNonce;
        private byte @Nullable [] expectedServerSignature;

        @Override
        public Mono<byte[]> initialData() {
            return Mono.fromCallable(() -> {
                clientNonce = nonces.get();
                clientFirstBare = "n=" + escape(username) + ",r=" + clientNonce;
                return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
            }).subscribeOn(Schedulers.boundedElastic());
        }

        @Override
        public Mono<byte[]> challenge(byte[] data) {
            return Mono.fromCallable(() -> clientFinal(new String(data, StandardCharsets.UTF_8)))
                    .subscribeOn(Schedulers.boundedElastic());
        }

        private byte[] clientFinal(String serverFirst) throws GeneralSecurityException {
            if (clientFirstBare == null || expectedServerSignature != null) {
                throw new IllegalStateException("SCRAM expects exactly one challenge, after the client-first message");
            }
            Map<Character, String> attributes = attributes(serverFirst);
            String nonce = require(attributes, 'r', serverFirst);
            if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
                throw new IllegalArgumentException("the server nonce does not extend the client nonce");
            }
            byte[] salt = Base64.getDecoder().decode(require(attributes, 's', serverFirst));
            int iterations = Integer.parseInt(require(attributes, 'i', serverFirst));
            if (iterations < MINIMUM_ITERATIONS) {
                throw new IllegalArgumentException("the iteration count " + iterations + " is below "
                        + MINIMUM_ITERATIONS);
            }
            String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.UTF_8))
                    + ",r=" + nonce;
            byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                    .getBytes(StandardCharsets.UTF_8);
            byte[] saltedPassword = hi(password, salt, iterations);
            byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] storedKey = MessageDigest.getInstance(digest).digest(clientKey);
            byte[] proof = hmac(storedKey, authMessage);
            for (int i = 0; i < proof.length; i++) {
                proof[i] ^= clientKey[i];
            }
            byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
            expectedServerSignature = hmac(serverKey, authMessage);
            return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void success(byte[] data) {
            if (expectedServerSignature == null) {
                throw new IllegalStateException("the broker reported success before the SCRAM exchange was done");
            }
            String serverFinal = new String(data, StandardCharsets.UTF_8);
            Map<Character, String> attributes = attributes(serverFinal);
            if (attributes.containsKey('e')) {
                throw new IllegalStateException("the broker reported the SCRAM error " + attributes.get('e'));
            }
            byte[] signature = Base64.getDecoder().decode(require(attributes, 'v', serverFinal));
            if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
                throw new IllegalStateException("the broker's SCRAM server signature is wrong: it does not hold "
                        + "these credentials");
            }
        }
    }

    private byte[] hi(byte[] secret, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(secret, hmac));
        mac.update(salt);
        byte[] block = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = block.clone();
        for (int i = 1; i < iterations; i++) {
            block = mac.doFinal(block);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= block[j];
            }
        }
        Arrays.fill(block, (byte) 0);
        return result;
    }

    private byte[] hmac(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(hmac);
        mac.init(new SecretKeySpec(key, hmac));
        return mac.doFinal(message);
    }

    private static String escape(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    private static Map<Character, String> attributes(String message) {
        Map<Character, String> attributes = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                attributes.putIfAbsent(part.charAt(0), part.substring(2));
            }
        }
        return attributes;
    }

    private static String require(Map<Character, String> attributes, char name, String message) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the SCRAM message '" + message + "' has no " + name + "= attribute");
        }
        return value;
    }
}
