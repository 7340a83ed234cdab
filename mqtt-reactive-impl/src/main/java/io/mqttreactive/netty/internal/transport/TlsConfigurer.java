package io.mqttreactive.netty.internal.transport;

import io.mqttreactive.options.TlsOptions;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import reactor.netty.tcp.TcpClient;

/**
 * Applies {@link TlsOptions} to a connection: trust material (the JDK's default trust store unless given),
 * a client certificate for mutual TLS, protocols and ciphers, and host name verification, on by default.
 */
final class TlsConfigurer {

    private TlsConfigurer() {
    }

    static TcpClient secure(TcpClient client, TlsOptions tls) {
        SslContext context = sslContext(tls);
        return client.secure(spec -> spec.sslContext(context)
                .handlerConfigurator(handler -> verifyHostName(handler.engine(), tls.hostnameVerification())));
    }

    static SslContext sslContext(TlsOptions tls) {
        SslContextBuilder builder = SslContextBuilder.forClient();
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

    private static void verifyHostName(SSLEngine engine, boolean verify) {
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(verify ? "HTTPS" : null);
        engine.setSSLParameters(parameters);
    }
}
