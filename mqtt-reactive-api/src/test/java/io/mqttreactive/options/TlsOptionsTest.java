package io.mqttreactive.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.TestResources;

import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

class TlsOptionsTest {

    private static final String CA = TestResources.text("/tls/ca-cert.pem");
    private static final String CLIENT_CERT = TestResources.text("/tls/client-cert.pem");
    private static final String CLIENT_KEY = TestResources.text("/tls/client-key.pem");

    @Test
    void defaults() {
        TlsOptions options = TlsOptions.DEFAULT;
        assertThat(options.hostnameVerification()).isTrue();
        assertThat(options.trustedCertificates()).isEmpty();
        assertThat(options.trustManagerFactory()).isEmpty();
        assertThat(options.clientCertificateChain()).isEmpty();
        assertThat(options.clientPrivateKey()).isEmpty();
        assertThat(options.keyManagerFactory()).isEmpty();
        assertThat(options.protocols()).isEmpty();
        assertThat(options.ciphers()).isEmpty();
    }

    @Test
    void readsPemCertificatesAndPkcs8Keys() {
        TlsOptions options = TlsOptions.builder().trustedCertificatesPem(CA + CLIENT_CERT)
                .clientCertificatePem(CLIENT_CERT, CLIENT_KEY).build();
        assertThat(options.trustedCertificates()).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=mqtt-reactive test CA", "CN=mqtt-reactive test client");
        assertThat(options.clientCertificateChain()).hasSize(1);
        assertThat(options.clientPrivateKey()).get().extracting(PrivateKey::getAlgorithm).isEqualTo("EC");
        PrivateKey rsa = TlsOptions.builder().clientCertificatePem(CLIENT_CERT, TestResources.text("/tls/rsa-key.pem"))
                .build().clientPrivateKey().orElseThrow();
        assertThat(rsa.getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void rejectsUnreadablePem() {
        assertThatThrownBy(() -> TlsOptions.builder().trustedCertificatesPem("not a certificate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PEM certificate");
        assertThatThrownBy(() -> TlsOptions.builder().clientCertificatePem(CLIENT_CERT,
                "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                .hasMessageContaining("no unencrypted PKCS#8 private key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> TlsOptions.builder().clientCertificatePem(CLIENT_CERT,
                "-----BEGIN PRIVATE KEY-----\nA\n-----END PRIVATE KEY-----"))
                .hasMessageContaining("not valid Base64");
        assertThatThrownBy(() -> TlsOptions.builder().clientCertificatePem(CLIENT_CERT,
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .hasMessageContaining("not a PKCS#8 key of a supported algorithm");
        assertThatThrownBy(() -> TlsOptions.builder().clientCertificate(
                TlsOptions.builder().clientCertificatePem(CLIENT_CERT, CLIENT_KEY).build().clientPrivateKey().orElseThrow(),
                List.of())).hasMessage("the client certificate chain must hold at least one certificate");
    }

    @Test
    void rejectsContradictorySources() throws Exception {
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init((KeyStore) null);
        assertThatThrownBy(() -> TlsOptions.builder().trustedCertificatesPem(CA).trustManagerFactory(trustManagers).build())
                .hasMessage("set either trusted certificates or a trust manager factory, not both");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        assertThatThrownBy(() -> TlsOptions.builder().clientCertificatePem(CLIENT_CERT, CLIENT_KEY)
                .keyManagerFactory(keyManagers).build())
                .hasMessage("set either a client certificate or a key manager factory, not both");
        TlsOptions factories = TlsOptions.builder().trustManagerFactory(trustManagers).keyManagerFactory(keyManagers).build();
        assertThat(factories.trustManagerFactory()).containsSame(trustManagers);
        assertThat(factories.toString()).contains("trustManagerFactory=" + trustManagers.getAlgorithm());
    }

    @Test
    void mutateEqualsAndRedaction() {
        TlsOptions options = TlsOptions.builder().trustedCertificatesPem(CA).clientCertificatePem(CLIENT_CERT, CLIENT_KEY)
                .hostnameVerification(false).protocols("TLSv1.3", "TLSv1.2").ciphers("TLS_AES_256_GCM_SHA384").build();
        assertThat(options.mutate().build()).isEqualTo(options).hasSameHashCodeAs(options);
        assertThat(options.mutate().hostnameVerification(true).build()).isNotEqualTo(options);
        String keyBase64 = CLIENT_KEY.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        assertThat(options.toString())
                .contains("clientPrivateKey=<redacted>", "CN=mqtt-reactive test client", "protocols=[TLSv1.3, TLSv1.2]")
                .doesNotContain(keyBase64.substring(0, 20));
        assertThat(TlsOptions.DEFAULT.toString()).contains("clientPrivateKey=null");
    }

    @Test
    void certificateListsAreImmutableCopies() {
        List<X509Certificate> certificates = new java.util.ArrayList<>(
                TlsOptions.builder().trustedCertificatesPem(CA).build().trustedCertificates());
        TlsOptions options = TlsOptions.builder().trustedCertificates(certificates).build();
        certificates.clear();
        assertThat(options.trustedCertificates()).hasSize(1);
        assertThatThrownBy(() -> options.trustedCertificates().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
