package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.options.TlsOptions;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import reactor.netty.tcp.TcpClient;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Applies {@link TlsOptions} to a connection: trust material (the JDK's default trust store unless given),
 * a client certificate for mutual TLS, protocols and ciphers, and host name verification, on by default. Host
 * name verification is set on the context: Netty 4.2 client contexts turn it on in every engine they make, and
 * the JDK engine then ignores an endpoint identification algorithm of {@code null} set on its parameters, so
 * turning it off afterwards, per handler, had no effect. A client whose options turn verification off is
 * logged at WARN once, when it is created, not on every connection.
 */
public final class TlsConfigurer {

    private static final Logger LOG = Loggers.getLogger(TlsConfigurer.class);

    private TlsConfigurer() {
    }

    /** Logs a warning if the options use TLS without host name verification; called once per client. */
    public static void warnIfHostnameVerificationOff(MqttClientOptions options) {
        if (options.tls().filter(tls -> !tls.hostnameVerification()).isPresent()) {
            LOG.warn("TLS host name verification is off for MQTT client '{}' of {}:{}: any certificate the trust"
                    + " material accepts is accepted for any host, so whoever holds one can impersonate the broker;"
                    + " turn verification off for tests only", options.clientId(), options.serverHost(),
                    options.serverPort());
        }
    }

    /** Secures {@code client} with a context made by {@link #sslContext(TlsOptions)}. */
    static TcpClient secure(TcpClient client, SslContext context) {
        return client.secure(spec -> spec.sslContext(context));
    }

    /** Builds the client context; this may block (random source, trust store file): keep it off event loops. */
    static SslContext sslContext(TlsOptions tls) {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .endpointIdentificationAlgorithm(tls.hostnameVerification() ? "HTTPS" : null);
        if (tls.trustManagerFactory().isPresent()) {
            builder.trustManager(tls.trustManagerFactory().get());
        } else if (!tls.trustedCertificates().isEmpty()) {
            builder.trustManager(tls.trustedCertificates().toArray(X509Certificate[]::new));
        }
        if (tls.keyManagerFactory().isPresent()) {
            builder.keyManager(tls.keyManagerFactory().get());
        } else if (tls.clientPrivateKey().isPresent()) {
            builder.keyManager(tls.clientPrivateKey().get(),
                    tls.clientCertificateChain().toArray(X509Certificate[]::new));
        }
        if (!tls.protocols().isEmpty()) {
            builder.protocols(tls.protocols());
        }
        if (!tls.ciphers().isEmpty()) {
            builder.ciphers(tls.ciphers());
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("invalid TLS options: " + e.getMessage(), e);
        }
    }
}
