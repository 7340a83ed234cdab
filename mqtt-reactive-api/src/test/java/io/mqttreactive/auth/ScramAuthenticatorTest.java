package io.mqttreactive.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 against the test vector of RFC 7677 section 3, and what the client refuses. */
class ScramAuthenticatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static EnhancedAuthenticator.Exchange started() {
        EnhancedAuthenticator.Exchange exchange = ScramAuthenticator.sha256WithNonce("user", "pencil", CLIENT_NONCE)
                .start();
        assertThat(text(exchange.initialData().block(WAIT))).isEqualTo("n,,n=user,r=" + CLIENT_NONCE);
        return exchange;
    }

    @Test
    @DisplayName("the messages and proofs of the RFC 7677 example, and its server signature accepted")
    void rfc7677Example() {
        EnhancedAuthenticator.Exchange exchange = started();

        assertThat(text(exchange.challenge(bytes(SERVER_FIRST)).block(WAIT))).isEqualTo(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        exchange.success(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    }

    @Test
    @DisplayName("a wrong server signature, a server error, or no signature at all is refused")
    void theServerMustProveItself() {
        EnhancedAuthenticator.Exchange exchange = started();
        exchange.challenge(bytes(SERVER_FIRST)).block(WAIT);

        assertThatThrownBy(() -> exchange.success(bytes("v=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")))
                .hasMessageContaining("server signature is wrong");
        assertThatThrownBy(() -> exchange.success(bytes("e=invalid-proof"))).hasMessageContaining("invalid-proof");
        assertThatThrownBy(() -> exchange.success(new byte[0])).hasMessageContaining("no v= attribute");
    }

    @Test
    @DisplayName("a server nonce that does not extend the client's, or too few iterations, is refused")
    void badChallengesAreRefused() {
        assertThatThrownBy(() -> started().challenge(bytes("r=other,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")).block(WAIT))
                .hasMessageContaining("nonce");
        assertThatThrownBy(() -> started().challenge(bytes(SERVER_FIRST.replace("i=4096", "i=1024"))).block(WAIT))
                .hasMessageContaining("iteration count 1024");
        EnhancedAuthenticator.Exchange exchange = started();
        exchange.challenge(bytes(SERVER_FIRST)).block(WAIT);
        assertThatThrownBy(() -> exchange.challenge(bytes(SERVER_FIRST)).block(WAIT))
                .hasMessageContaining("exactly one challenge");
    }

    @Test
    void theUserNameIsEscapedAndThePasswordNeverShown() {
        ScramAuthenticator authenticator = ScramAuthenticator.sha512("a=b,c", "secret");
        assertThat(authenticator.method()).isEqualTo("SCRAM-SHA-512");
        assertThat(text(authenticator.start().initialData().block(WAIT))).startsWith("n,,n=a=3Db=2Cc,r=");
        assertThat(authenticator).asString().doesNotContain("secret");
    }
}
