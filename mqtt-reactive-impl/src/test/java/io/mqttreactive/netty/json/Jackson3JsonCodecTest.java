package io.mqttreactive.netty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.netty.JacksonCodecs;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

class Jackson3JsonCodecTest extends JsonCodecContract {

    @Override
    JsonCodecProvider provider() {
        return new Jackson3JsonCodecProvider();
    }

    @Test
    void isTheJackson3ProviderAboveJackson2() {
        Jackson3JsonCodecProvider provider = new Jackson3JsonCodecProvider();
        assertThat(provider.name()).isEqualTo("jackson3");
        assertThat(provider.available()).isTrue();
        assertThat(provider.priority()).isGreaterThan(new Jackson2JsonCodecProvider().priority()).isNegative();
        assertThat(provider.create(Reading.class)).isInstanceOf(Jackson3JsonCodec.class);
        assertThat(JacksonCodecs.jackson3()).isSameAs(Jackson3CodecFactory.defaults());
    }

    @Test
    void aMissingPrimitiveTakesItsDefaultUnlikeJackson2() {
        assertThat(provider().create(Reading.class).decode(bytes("{\"deviceId\":\"s\"}")))
                .isEqualTo(new Reading("s", 0, null, null, null));
    }

    @Test
    void anApplicationMapperIsUsedAsConfigured() {
        JsonMapper applications = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        PayloadCodec<Reading> codec = JacksonCodecs.jackson3(applications).create(Reading.class);
        assertThat(codec).isInstanceOf(Jackson3JsonCodec.class);
        assertThat(codec.contentType()).contains("application/json");
        assertThat(text(codec.encode(new Reading("s", 1, List.of(), null, TIME)))).contains("\"time\":1748779200.25");
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":2,\"firmware\":1}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("Unrecognized property \"firmware\"");
        assertThatThrownBy(() -> JacksonCodecs.jackson3(null)).isInstanceOf(NullPointerException.class);
    }
}
