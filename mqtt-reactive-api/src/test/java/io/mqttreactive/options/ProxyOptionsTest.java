package io.mqttreactive.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProxyOptionsTest {

    @Test
    void defaults() {
        ProxyOptions options = ProxyOptions.http("proxy.example.com", 3128).build();
        assertThat(options.type()).isEqualTo(ProxyType.HTTP);
        assertThat(options.host()).isEqualTo("proxy.example.com");
        assertThat(options.port()).isEqualTo(3128);
        assertThat(options.username()).isEmpty();
        assertThat(options.password()).isEmpty();
        assertThat(options.nonProxyHosts()).isEmpty();
        assertThat(options.appliesTo("localhost")).isTrue();
        assertThat(options.handshakeTimeout()).isEqualTo(ProxyOptions.DEFAULT_HANDSHAKE_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(ProxyOptions.socks5("10.0.0.1", 1080).build().type()).isEqualTo(ProxyType.SOCKS5);
    }

    @Test
    void mutateRoundTripKeepsEveryField() {
        ProxyOptions options = ProxyOptions.builder(ProxyType.SOCKS5, "proxy", 1080).credentials("alice", "s3cret")
                .handshakeTimeout(Duration.ofMillis(2500)).nonProxyHosts("localhost", "*.internal").build();
        ProxyOptions copy = options.mutate().build();
        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
        assertThat(copy.username()).contains("alice");
        assertThat(copy.password()).contains("s3cret".toCharArray());
        assertThat(copy.handshakeTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(copy.nonProxyHosts()).containsExactly("localhost", "*.internal");
        assertThat(options.mutate().noCredentials().build().username()).isEmpty();
    }

    @Test
    void equalsComparesEveryValue() {
        ProxyOptions options = ProxyOptions.http("proxy", 3128).credentials("alice", "s3cret").build();
        assertThat(options).isEqualTo(ProxyOptions.http("proxy", 3128).credentials("alice", "s3cret").build());
        assertThat(options.mutate().type(ProxyType.SOCKS5).build()).isNotEqualTo(options);
        assertThat(options.mutate().host("other").build()).isNotEqualTo(options);
        assertThat(options.mutate().port(3129).build()).isNotEqualTo(options);
        assertThat(options.mutate().credentials("bob", "s3cret").build()).isNotEqualTo(options);
        assertThat(options.mutate().credentials("alice", "other").build()).isNotEqualTo(options);
        assertThat(options.mutate().noCredentials().build()).isNotEqualTo(options);
        assertThat(options.mutate().handshakeTimeout(Duration.ofSeconds(1)).build()).isNotEqualTo(options);
        assertThat(options.mutate().nonProxyHosts("localhost").build()).isNotEqualTo(options);
        assertThat(options).isNotEqualTo(null).isNotEqualTo("options");
    }

    @Test
    void toStringRedactsThePassword() {
        assertThat(ProxyOptions.http("proxy", 3128).credentials("alice", "s3cret").build())
                .hasToString("ProxyOptions[type=HTTP, host=proxy, port=3128, username=alice, password=<redacted>,"
                        + " handshakeTimeout=PT10S, nonProxyHosts=[]]");
        assertThat(ProxyOptions.socks5("proxy", 1080).build().toString()).contains("username=null", "password=null");
    }

    @Test
    void thePasswordIsCopiedInAndOut() {
        char[] password = "secret".toCharArray();
        ProxyOptions options = ProxyOptions.http("proxy", 3128).credentials("alice", password).build();
        password[0] = 'X';
        assertThat(options.password()).contains("secret".toCharArray());
        options.password().orElseThrow()[0] = 'Y';
        assertThat(options.password()).contains("secret".toCharArray());
    }

    @Test
    void rejectsBadAddressesBeforeAnyConnection() {
        assertThatThrownBy(() -> ProxyOptions.http(null, 3128)).isInstanceOf(NullPointerException.class)
                .hasMessage("host");
        assertThatThrownBy(() -> ProxyOptions.http(" ", 3128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy host must not be blank");
        assertThatThrownBy(() -> ProxyOptions.http("proxy", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy port must be between 1 and 65535, was 0");
        assertThatThrownBy(() -> ProxyOptions.socks5("proxy", 65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyOptions.builder(null, "proxy", 1080)).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> ProxyOptions.http("proxy", 3128).handshakeTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy handshake timeout must be positive, was PT0S");
        assertThatThrownBy(() -> ProxyOptions.http("proxy", 3128).handshakeTimeout(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsCredentialsThatTheProxyProtocolCannotCarry() {
        ProxyOptions.Builder http = ProxyOptions.http("proxy", 3128);
        assertThatThrownBy(() -> http.credentials("", "secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy user name must not be empty");
        assertThatThrownBy(() -> http.credentials(null, "secret")).isInstanceOf(NullPointerException.class)
                .hasMessage("username");
        assertThatThrownBy(() -> http.credentials("alice", (String) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("password");
        assertThatThrownBy(() -> http.credentials("alice", "line\r\nbreak"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy password must not contain control characters")
                .hasMessageNotContaining("line");
        assertThatThrownBy(() -> http.credentials("al:ice", "secret").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not contain ':'");
        assertThat(ProxyOptions.http("proxy", 3128).credentials("alice", "").build().password())
                .as("HTTP Basic allows an empty password").contains(new char[0]);

        ProxyOptions.Builder socks = ProxyOptions.socks5("proxy", 1080);
        assertThatThrownBy(() -> socks.credentials("alice", "").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a SOCKS5 password must be 1 to 255 US-ASCII characters (RFC 1929)");
        assertThatThrownBy(() -> socks.credentials("a".repeat(256), "secret").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a SOCKS5 user name must be 1 to 255 US-ASCII characters (RFC 1929)");
        assertThatThrownBy(() -> socks.credentials("alice", "s\u00e9cret").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOCKS5 password");
        assertThat(socks.credentials("a".repeat(255), "p".repeat(255)).build().username()).hasValue("a".repeat(255));
        assertThat(ProxyOptions.socks5("proxy", 1080).credentials("al:ice", "secret").build().username())
                .as("only HTTP Basic reserves ':'").hasValue("al:ice");
    }

    @Test
    void credentialsAreCheckedAgainstTheTypeTheyEndUpWith() {
        ProxyOptions.Builder builder = ProxyOptions.http("proxy", 3128).credentials("alice", "s\u00e9cret");
        assertThat(builder.build().password()).contains("s\u00e9cret".toCharArray());
        assertThatThrownBy(() -> builder.type(ProxyType.SOCKS5).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOCKS5 password");
    }

    @Test
    void nonProxyHostsAreMatchedLikeTheJdksWithoutRegardToCase() {
        ProxyOptions options = ProxyOptions.http("proxy", 3128)
                .nonProxyHosts("localhost", "*.Internal.example", "10.*", "[::1]", "*mid*").build();

        assertThat(options.appliesTo("LOCALHOST")).isFalse();
        assertThat(options.appliesTo("broker.internal.example")).isFalse();
        assertThat(options.appliesTo("internal.example")).as("the suffix includes the dot").isTrue();
        assertThat(options.appliesTo("10.1.2.3")).isFalse();
        assertThat(options.appliesTo("110.1.2.3")).isTrue();
        assertThat(options.appliesTo("::1")).isFalse();
        assertThat(options.appliesTo("[::1]")).isFalse();
        assertThat(options.appliesTo("amidst.example")).isFalse();
        assertThat(options.appliesTo("broker.example.com")).isTrue();
        assertThat(ProxyOptions.http("proxy", 3128).nonProxyHosts("*").build().appliesTo("anything")).isFalse();
    }

    @Test
    void rejectsNonProxyHostPatternsItCannotMatch() {
        ProxyOptions.Builder builder = ProxyOptions.http("proxy", 3128);
        assertThatThrownBy(() -> builder.nonProxyHosts("a*b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a non-proxy host pattern is a host name or IP address that may start or end with '*',"
                        + " was 'a*b'");
        assertThatThrownBy(() -> builder.nonProxyHosts(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.nonProxyHosts("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.nonProxyHosts("localhost", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ProxyOptions.http("proxy", 3128).build().appliesTo(null))
                .isInstanceOf(NullPointerException.class);
    }
}
