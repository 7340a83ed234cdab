package io.mqttreactive.netty.testing.scripted;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one SCRAM-SHA-256 conversation (RFC 5802, RFC 7677), for scripted brokers that test enhanced
 * authentication: it answers the client-first message with a nonce, salt and iteration count, checks the client's
 * proof against the password it knows, and answers with its server signature.
 */
public final class ScramServer {

    private static final String HMAC = "HmacSHA256";
    private static final int ITERATIONS = 4096;

    private final String username;
    private final byte[] password;
    private final byte[] salt = "scripted-salt-16".getBytes(StandardCharsets.US_ASCII);
    private String clientFirstBare = "";
    private String serverFirst = "";

    public ScramServer(String username, String password) {
        this.username = username;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the client-first message ({@code n,,n=user,r=nonce}) with the server-first message. */
    public byte[] serverFirst(byte[] clientFirst) {
        String message = new String(clientFirst, StandardCharsets.UTF_8);
        if (!message.startsWith("n,,n=" + username + ",r=")) {
            throw new IllegalArgumentException("unexpected client-first message " + message);
        }
        clientFirstBare = message.substring(3);
        String clientNonce = clientFirstBare.substring(clientFirstBare.indexOf(",r=") + 3);
        serverFirst = "r=" + clientNonce + "scripted-server-nonce,s=" + Base64.getEncoder().encodeToString(salt)
                + ",i=" + ITERATIONS;
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks the client-final message's proof.
     *
     * @return the server-final message ({@code v=signature}), or {@code null} if the proof is wrong
     */
    public byte @Nullable [] serverFinal(byte[] clientFinal) {
        try {
            String message = new String(clientFinal, StandardCharsets.UTF_8);
            int proofAt = message.lastIndexOf(",p=");
            String withoutProof = message.substring(0, proofAt);
            byte[] proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
            byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                    .getBytes(StandardCharsets.UTF_8);
            byte[] saltedPassword = hi();
            byte[] storedKey = MessageDigest.getInstance("SHA-256")
                    .digest(hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII)));
            byte[] clientSignature = hmac(storedKey, authMessage);
            for (int i = 0; i < proof.length; i++) {
                proof[i] ^= clientSignature[i];
            }
            if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(proof), storedKey)) {
                return null;
            }
            byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
            return ("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hi() throws GeneralSecurityException {
        byte[] block = hmac(password, concat(salt, new byte[] {0, 0, 0, 1}));
        byte[] result = block.clone();
        for (int i = 1; i < ITERATIONS; i++) {
            block = hmac(password, block);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= block[j];
            }
        }
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(message);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
