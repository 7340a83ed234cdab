package io.mqttreactive.options;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * How the client secures its connection with TLS, with JDK types only.
 *
 * <p>Trust: by default the JDK's trust store; or the given {@link #trustedCertificates() certificates}; or
 * a {@link #trustManagerFactory() TrustManagerFactory} for anything else. The broker's host name is verified
 * against its certificate unless {@link #hostnameVerification()} is turned off. Mutual TLS: a client
 * {@link #clientPrivateKey() private key} with its {@link #clientCertificateChain() certificate chain}, or a
 * {@link #keyManagerFactory() KeyManagerFactory}. Protocols and cipher suites default to the JDK's.
 *
 * <p>Immutable; {@link #toString()} never shows the private key.
 */
public final class TlsOptions {

    /** The default of {@link #hostnameVerification()}. */
    public static final boolean DEFAULT_HOSTNAME_VERIFICATION = true;

    /** The default options: the JDK's trust store and protocols, host name verification, no client key. */
    public static final TlsOptions DEFAULT = builder().build();

    private final List<X509Certificate> trustedCertificates;
    private final @Nullable TrustManagerFactory trustManagerFactory;
    private final List<X509Certificate> clientCertificateChain;
    private final @Nullable PrivateKey clientPrivateKey;
    private final @Nullable KeyManagerFactory keyManagerFactory;
    private final boolean hostnameVerification;
    private final List<String> protocols;
    private final List<String> ciphers;

    private TlsOptions(Builder builder) {
        this.trustedCertificates = builder.trustedCertificates;
        this.trustManagerFactory = builder.trustManagerFactory;
        this.clientCertificateChain = builder.clientCertificateChain;
        this.clientPrivateKey = builder.clientPrivateKey;
        this.keyManagerFactory = builder.keyManagerFactory;
        this.hostnameVerification = builder.hostnameVerification;
        this.protocols = builder.protocols;
        this.ciphers = builder.ciphers;
    }

    /**
     * Returns a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding the values of these options.
     *
     * @return a new builder
     */
    public Builder mutate() {
        return new Builder(this);
    }

    /**
     * Returns the certificates trusted to sign the broker's certificate.
     *
     * @return an unmodifiable list; empty to use the JDK's trust store (or the {@link #trustManagerFactory()})
     */
    public List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    /**
     * Returns the factory of the trust managers that check the broker's certificate.
     *
     * @return the factory, or empty
     */
    public Optional<TrustManagerFactory> trustManagerFactory() {
        return Optional.ofNullable(trustManagerFactory);
    }

    /**
     * Returns the client certificate chain for mutual TLS, the client certificate first.
     *
     * @return an unmodifiable list; empty without a client certificate
     */
    public List<X509Certificate> clientCertificateChain() {
        return clientCertificateChain;
    }

    /**
     * Returns the private key of the client certificate for mutual TLS.
     *
     * @return the key, or empty
     */
    public Optional<PrivateKey> clientPrivateKey() {
        return Optional.ofNullable(clientPrivateKey);
    }

    /**
     * Returns the factory of the key managers that present the client's certificate.
     *
     * @return the factory, or empty
     */
    public Optional<KeyManagerFactory> keyManagerFactory() {
        return Optional.ofNullable(keyManagerFactory);
    }

    /**
     * Tells whether the broker's host name is verified against its certificate (HTTPS endpoint
     * identification).
     *
     * @return {@code true} by default
     */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /**
     * Returns the enabled TLS protocols, such as {@code TLSv1.3}.
     *
     * @return an unmodifiable list; empty for the JDK's defaults
     */
    public List<String> protocols() {
        return protocols;
    }

    /**
     * Returns the enabled cipher suites.
     *
     * @return an unmodifiable list; empty for the JDK's defaults
     */
    public List<String> ciphers() {
        return ciphers;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TlsOptions that
                && trustedCertificates.equals(that.trustedCertificates)
                && Objects.equals(trustManagerFactory, that.trustManagerFactory)
                && clientCertificateChain.equals(that.clientCertificateChain)
                && Objects.equals(clientPrivateKey, that.clientPrivateKey)
                && Objects.equals(keyManagerFactory, that.keyManagerFactory)
                && hostnameVerification == that.hostnameVerification
                && protocols.equals(that.protocols)
                && ciphers.equals(that.ciphers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trustedCertificates, trustManagerFactory, clientCertificateChain, clientPrivateKey,
                keyManagerFactory, hostnameVerification, protocols, ciphers);
    }

    /**
     * Describes the options by certificate subjects; the private key shows as {@code <redacted>}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TlsOptions{trustedCertificates=" + subjects(trustedCertificates)
                + ", trustManagerFactory=" + (trustManagerFactory == null ? null : trustManagerFactory.getAlgorithm())
                + ", clientCertificateChain=" + subjects(clientCertificateChain)
                + ", clientPrivateKey=" + (clientPrivateKey == null ? null : "<redacted>")
                + ", keyManagerFactory=" + (keyManagerFactory == null ? null : keyManagerFactory.getAlgorithm())
                + ", hostnameVerification=" + hostnameVerification
                + ", protocols=" + protocols
                + ", ciphers=" + ciphers + '}';
    }

    private static List<String> subjects(List<X509Certificate> certificates) {
        return certificates.stream().map(certificate -> certificate.getSubjectX500Principal().getName()).toList();
    }

    /**
     * Builds {@link TlsOptions}. Not thread-safe.
     */
    public static final class Builder {

        private List<X509Certificate> trustedCertificates = List.of();
        private @Nullable TrustManagerFactory trustManagerFactory;
        private List<X509Certificate> clientCertificateChain = List.of();
        private @Nullable PrivateKey clientPrivateKey;
        private @Nullable KeyManagerFactory keyManagerFactory;
        private boolean hostnameVerification = DEFAULT_HOSTNAME_VERIFICATION;
        private List<String> protocols = List.of();
        private List<String> ciphers = List.of();

        private Builder() {
        }

        private Builder(TlsOptions options) {
            this.trustedCertificates = options.trustedCertificates;
            this.trustManagerFactory = options.trustManagerFactory;
            this.clientCertificateChain = options.clientCertificateChain;
            this.clientPrivateKey = options.clientPrivateKey;
            this.keyManagerFactory = options.keyManagerFactory;
            this.hostnameVerification = options.hostnameVerification;
            this.protocols = options.protocols;
            this.ciphers = options.ciphers;
        }

        /**
         * Trusts exactly these certificates (for example a private CA) instead of the JDK's trust store.
         *
         * @param certificates the trusted certificates; copied
         * @return this builder
         */
        public Builder trustedCertificates(List<X509Certificate> certificates) {
            this.trustedCertificates = List.copyOf(certificates);
            return this;
        }

        /**
         * Trusts exactly the certificates of a PEM text.
         *
         * @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks
         * @return this builder
         * @throws IllegalArgumentException if the text holds no readable certificate
         */
        public Builder trustedCertificatesPem(String pem) {
            return trustedCertificates(Pem.certificates(pem));
        }

        /**
         * Checks the broker's certificate with the trust managers of a factory.
         *
         * @param factory an initialized factory, or {@code null} to unset
         * @return this builder
         */
        public Builder trustManagerFactory(@Nullable TrustManagerFactory factory) {
            this.trustManagerFactory = factory;
            return this;
        }

        /**
         * Presents a client certificate for mutual TLS.
         *
         * @param privateKey       the private key of the client certificate
         * @param certificateChain the chain, client certificate first; copied, at least one certificate
         * @return this builder
         * @throws IllegalArgumentException if the chain is empty
         */
        public Builder clientCertificate(PrivateKey privateKey, List<X509Certificate> certificateChain) {
            List<X509Certificate> chain = List.copyOf(certificateChain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the client certificate chain must hold at least one certificate");
            }
            this.clientPrivateKey = Objects.requireNonNull(privateKey, "privateKey");
            this.clientCertificateChain = chain;
            return this;
        }

        /**
         * Presents a client certificate for mutual TLS, read from PEM text.
         *
         * @param certificateChainPem the chain as {@code CERTIFICATE} blocks, client certificate first
         * @param privateKeyPem       the key as an unencrypted PKCS#8 {@code PRIVATE KEY} block (RSA, EC, EdDSA)
         * @return this builder
         * @throws IllegalArgumentException if either text cannot be read
         */
        public Builder clientCertificatePem(String certificateChainPem, String privateKeyPem) {
            return clientCertificate(Pem.privateKey(privateKeyPem), Pem.certificates(certificateChainPem));
        }

        /**
         * Presents the client certificate chosen by the key managers of a factory.
         *
         * @param factory an initialized factory, or {@code null} to unset
         * @return this builder
         */
        public Builder keyManagerFactory(@Nullable KeyManagerFactory factory) {
            this.keyManagerFactory = factory;
            return this;
        }

        /**
         * Turns verification of the broker's host name on or off. Turning it off makes the connection open to
         * man-in-the-middle attacks; do it only for tests.
         *
         * @param hostnameVerification whether to verify the host name
         * @return this builder
         */
        public Builder hostnameVerification(boolean hostnameVerification) {
            this.hostnameVerification = hostnameVerification;
            return this;
        }

        /**
         * Restricts the TLS protocols.
         *
         * @param protocols protocol names such as {@code TLSv1.3}; none for the JDK's defaults
         * @return this builder
         */
        public Builder protocols(String... protocols) {
            this.protocols = List.copyOf(Arrays.asList(protocols));
            return this;
        }

        /**
         * Restricts the cipher suites.
         *
         * @param ciphers cipher suite names; none for the JDK's defaults
         * @return this builder
         */
        public Builder ciphers(String... ciphers) {
            this.ciphers = List.copyOf(Arrays.asList(ciphers));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if both trusted certificates and a trust manager factory, or both a
         *                                  client certificate and a key manager factory are set
         */
        public TlsOptions build() {
            if (!trustedCertificates.isEmpty() && trustManagerFactory != null) {
                throw new IllegalArgumentException(
                        "set either trusted certificates or a trust manager factory, not both");
            }
            if (clientPrivateKey != null && keyManagerFactory != null) {
                throw new IllegalArgumentException(
                        "set either a client certificate or a key manager factory, not both");
            }
            return new TlsOptions(this);
        }
    }
}
