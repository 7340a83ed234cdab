package io.mqttreactive.netty.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttreactive.MqttClientOptions;
import io.mqttreactive.exception.MqttConnectionClosedException;
import io.mqttreactive.exception.MqttProxyException;
import io.mqttreactive.exception.MqttWebSocketUpgradeException;
import io.mqttreactive.options.ProxyOptions;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyConnectException;
import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a failure to connect through a proxy is typed. The messages are those Netty's proxy handlers make
 * ({@code "<protocol>, <auth>, <proxy> => <target>, <answer>"}); ProxyIT sees the real ones from live proxies.
 */
class ProxyTunnelTest {

    private static final MqttClientOptions OPTIONS = MqttClientOptions.builder().serverHost("broker.example")
            .serverPort(8883).build();
    private static final ProxyOptions HTTP = ProxyOptions.http("proxy.example", 3128).build();
    private static final ProxyOptions SOCKS5 = ProxyOptions.socks5("proxy.example", 1080).build();
    private static final String ROUTE = "http, none, proxy.example/10.0.0.1:3128 => broker.example/<unresolved>:8883, ";

    @ParameterizedTest
    @ValueSource(strings = {"400 Bad Request", "403 Forbidden", "407 Proxy Authentication Required"})
    void anHttpClientErrorStatusIsARefusal(String status) {
        Throwable failure = ProxyTunnel.failure(http("status: " + status), OPTIONS, HTTP);

        assertThat(failure).isInstanceOf(MqttProxyException.class).hasMessage("the proxy refused the tunnel to"
                + " broker.example:8883 through the HTTP proxy proxy.example:3128: status: " + status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"502 Bad Gateway", "503 Service Unavailable", "504 Gateway Timeout"})
    void anHttpServerErrorStatusIsTransient(String status) {
        assertThat(ProxyTunnel.failure(http("status: " + status), OPTIONS, HTTP))
                .isExactlyInstanceOf(MqttConnectionClosedException.class).hasMessageEndingWith(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unexpected authMethod: UNACCEPTED(255)", "authStatus: FAILURE(255)",
            "status: FORBIDDEN(2)", "status: COMMAND_UNSUPPORTED(7)", "status: ADDRESS_UNSUPPORTED(8)"})
    void aSocks5RejectionIsARefusal(String answer) {
        assertThat(ProxyTunnel.failure(socks5(answer), OPTIONS, SOCKS5)).isInstanceOf(MqttProxyException.class)
                .hasMessageContaining("through the SOCKS5 proxy proxy.example:1080").hasMessageEndingWith(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status: HOST_UNREACHABLE(4)", "status: CONNECTION_REFUSED(5)", "status: FAILURE(1)",
            "timeout", "disconnected"})
    void aSocks5FailureToReachTheBrokerIsTransient(String answer) {
        assertThat(ProxyTunnel.failure(socks5(answer), OPTIONS, SOCKS5))
                .isExactlyInstanceOf(MqttConnectionClosedException.class)
                .hasMessage("the proxy did not open the tunnel to broker.example:8883 through the SOCKS5 proxy"
                        + " proxy.example:1080: " + answer);
    }

    @Test
    void aProxyThatCannotBeReachedIsTransientAndNamed() {
        assertThat(ProxyTunnel.failure(new ConnectException("Connection refused"), OPTIONS, HTTP))
                .isExactlyInstanceOf(MqttConnectionClosedException.class)
                .hasMessage("cannot connect to broker.example:8883 through the HTTP proxy proxy.example:3128:"
                        + " Connection refused");
    }

    @Test
    void failuresBeyondTheTunnelKeepTheirOwnType() {
        SSLHandshakeException tls = new SSLHandshakeException("PKIX path building failed");
        MqttWebSocketUpgradeException upgrade = new MqttWebSocketUpgradeException("refused", 404, null);

        assertThat(ProxyTunnel.failure(tls, OPTIONS, HTTP)).isSameAs(tls);
        assertThat(ProxyTunnel.failure(upgrade, OPTIONS, HTTP)).isSameAs(upgrade);
    }

    private static ProxyConnectException http(String answer) {
        return new HttpProxyHandler.HttpProxyConnectException(ROUTE + answer, EmptyHttpHeaders.INSTANCE);
    }

    private static ProxyConnectException socks5(String answer) {
        return new ProxyConnectException("socks5, password, proxy.example/10.0.0.1:1080 => broker.example/"
                + "<unresolved>:8883, " + answer);
    }
}
