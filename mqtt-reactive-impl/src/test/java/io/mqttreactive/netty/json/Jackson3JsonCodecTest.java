package io.mqttreactive.netty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.netty.Jackson3JsonCodecs;
import io.mqttreactive.netty.JacksonCodecs;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class Jackson3JsonCodecTest extends JsonCodecContract {

    @Override
    JsonCodecProvider provider() {
        return new Jackson3JsonCodecProvider();
    }

    @Override
    JsonCodecProvider ignoringContentType() {
        return JacksonCodecs.jackson3().ignoringContentType();
    }

    @Test
    void isTheJackson3ProviderAboveJackson2() {
        Jackson3JsonCodecProvider provider = new Jackson3JsonCodecProvider();
        assertThat(provider.name()).isEqualTo("jackson3");
        assertThat(provider.available()).isTrue();
        assertThat(provider.priority()).isGreaterThan(new Jackson2JsonCodecProvider().priority()).isNegative();
        assertThat(provider.create(Reading.class)).isInstanceOf(Jackson3JsonCodec.class);
        assertThat(JacksonCodecs.jackson3()).isSameAs(JacksonCodecs.jackson3());
        assertThat(JacksonCodecs.jackson3().create(Reading.class)).isInstanceOf(Jackson3JsonCodec.class);
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

    @Test
    void anApplicationMappersModuleIsUsedForGenericTypesFromATypeReferenceOrAJavaType() {
        JsonMapper applications = JsonMapper.builder()
                .addModule(new SimpleModule("readings").setMixInAnnotation(Reading.class, WithoutNote.class))
                .build();
        Jackson3JsonCodecs codecs = JacksonCodecs.jackson3(applications);
        PayloadCodec<List<Reading>> byReference = codecs.create(new TypeReference<List<Reading>>() { });
        PayloadCodec<List<Reading>> byJavaType = codecs.create(
                applications.getTypeFactory().constructCollectionType(List.class, Reading.class));

        byte[] payload = byReference.encode(READINGS);
        assertThat(text(payload)).isEqualTo(READINGS_WITHOUT_NOTE);
        assertThat(byJavaType.encode(READINGS)).isEqualTo(payload);
        assertThat(byReference.decode(payload)).isEqualTo(READINGS_READ_WITHOUT_NOTE);
        assertThat(byJavaType.decode(payload)).isEqualTo(READINGS_READ_WITHOUT_NOTE)
                .allSatisfy(reading -> assertThat(reading).isInstanceOf(Reading.class));

        PayloadCodec<Map<String, Reading>> byId = codecs.create(
                applications.getTypeFactory().constructMapType(Map.class, String.class, Reading.class));
        Map<String, Reading> indexed = Map.of("b", READINGS_READ_WITHOUT_NOTE.get(1));
        assertThat(byId.decode(byId.encode(indexed))).isEqualTo(indexed);
        assertThatThrownBy(() -> byId.decode(bytes("[]")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("the payload is not JSON of a java.util.Map<java.lang.String,"
                        + Reading.class.getName() + ">: ");
        assertThatThrownBy(() -> codecs.create((TypeReference<Reading>) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void ignoringTheContentTypeKeepsTheMapper() {
        JsonMapper applications = JsonMapper.builder()
                .addModule(new SimpleModule("readings").setMixInAnnotation(Reading.class, WithoutNote.class))
                .build();
        Jackson3JsonCodecs strict = JacksonCodecs.jackson3(applications);
        Jackson3JsonCodecs lenient = strict.ignoringContentType();
        assertThat(lenient).isNotSameAs(strict).isSameAs(lenient.ignoringContentType());
        assertThat(lenient.toString()).endsWith(", ignoring the content type");
        PayloadCodec<Reading> codec = lenient.create(Reading.class);
        assertThat(text(codec.encode(new Reading("a", 1, null, "n", null)))).doesNotContain("note");
        assertThat(codec.decode(message(bytes("{\"deviceId\":\"a\",\"temperature\":1}"), false, "text/plain")))
                .isEqualTo(new Reading("a", 1, null, null, null));
    }
}
