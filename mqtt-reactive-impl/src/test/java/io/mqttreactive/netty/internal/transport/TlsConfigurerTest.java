package io.mqttreactive.netty.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.options.TlsOptions;
import io.netty.buffer.ByteBufAllocator;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** Host name verification follows {@link TlsOptions#hostnameVerification()} in the engines of the context. */
class TlsConfigurerTest {

    @Test
    void verifiesHostNamesByDefault() {
        SSLEngine engine = TlsConfigurer.sslContext(TlsOptions.DEFAULT)
                .newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 8883);

        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void turningVerificationOffReachesTheEngine() {
        SSLEngine engine = TlsConfigurer.sslContext(TlsOptions.builder().hostnameVerification(false).build())
                .newEngine(ByteBufAllocator.DEFAULT, "127.0.0.1", 8883);

        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
    }
}
