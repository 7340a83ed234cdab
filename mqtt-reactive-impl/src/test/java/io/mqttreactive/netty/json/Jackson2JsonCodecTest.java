package io.mqttreactive.netty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttreactive.exception.MqttPayloadCodecException;
import io.mqttreactive.netty.Jackson2JsonCodecs;
import io.mqttreactive.netty.JacksonCodecs;
import io.mqttreactive.spi.JsonCodecProvider;
import io.mqttreactive.spi.PayloadCodec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

class Jackson2JsonCodecTest extends JsonCodecContract {

    @Override
    JsonCodecProvider provider() {
        return new Jackson2JsonCodecProvider();
    }

    @Override
    JsonCodecProvider ignoringContentType() {
        return JacksonCodecs.jackson2().ignoringContentType();
    }

    @Test
    void isTheJackson2ProviderBelowJackson3() {
        Jackson2JsonCodecProvider provider = new Jackson2JsonCodecProvider();
        assertThat(provider.name()).isEqualTo("jackson2");
        assertThat(provider.available()).isTrue();
        assertThat(provider.priority()).isLessThan(new Jackson3JsonCodecProvider().priority()).isNegative();
        assertThat(provider.create(Reading.class)).isInstanceOf(Jackson2JsonCodec.class);
        assertThat(JacksonCodecs.jackson2()).isSameAs(JacksonCodecs.jackson2());
        assertThat(JacksonCodecs.jackson2().create(Reading.class)).isInstanceOf(Jackson2JsonCodec.class);
    }

    @Test
    void aMissingPrimitiveIsATypedError() {
        assertThatThrownBy(() -> provider().create(Reading.class).decode(bytes("{\"deviceId\":\"s\"}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("Cannot map `null` into type `double`");
    }

    @Test
    void anApplicationMapperIsUsedAsConfigured() {
        ObjectMapper strict = JsonMapper.builder().findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        PayloadCodec<Reading> codec = JacksonCodecs.jackson2(strict).create(Reading.class);
        assertThat(codec).isInstanceOf(Jackson2JsonCodec.class);
        assertThat(codec.contentType()).contains("application/json");
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":2,\"firmware\":1}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("Unrecognized field \"firmware\"");
    }

    @Test
    void anApplicationMappersModuleIsUsedForGenericTypesFromATypeReferenceOrAJavaType() {
        ObjectMapper applications = JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new SimpleModule("readings").setMixInAnnotation(Reading.class, WithoutNote.class))
                .build();
        Jackson2JsonCodecs codecs = JacksonCodecs.jackson2(applications);
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
        ObjectMapper applications = JsonMapper.builder()
                .addModule(new SimpleModule("readings").setMixInAnnotation(Reading.class, WithoutNote.class))
                .build();
        Jackson2JsonCodecs strict = JacksonCodecs.jackson2(applications);
        Jackson2JsonCodecs lenient = strict.ignoringContentType();
        assertThat(lenient).isNotSameAs(strict).isSameAs(lenient.ignoringContentType());
        assertThat(lenient.toString()).endsWith(", ignoring the content type");
        PayloadCodec<Reading> codec = lenient.create(Reading.class);
        assertThat(text(codec.encode(new Reading("a", 1, null, "n", null)))).doesNotContain("note");
        assertThat(codec.decode(message(bytes("{\"deviceId\":\"a\",\"temperature\":1}"), false, "text/plain")))
                .isEqualTo(new Reading("a", 1, null, null, null));
    }

    @Test
    void aMapperWithoutTheJavaTimeModuleGivesAnErrorNamingIt() {
        PayloadCodec<Reading> codec = JacksonCodecs.jackson2(new ObjectMapper()).create(Reading.class);
        assertThatThrownBy(() -> codec.encode(new Reading("s", 1, List.of(), null, TIME)))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageStartingWith("cannot encode a " + Reading.class.getName() + " as JSON: java.time.Instant"
                        + " needs the Jackson 2 module com.fasterxml.jackson.datatype:jackson-datatype-jsr310: add it"
                        + " to the class path, where the default mapper finds it, or register it on your"
                        + " ObjectMapper (");
        assertThatThrownBy(() -> codec.decode(bytes("{\"deviceId\":\"s\",\"temperature\":1,\"time\":\"x\"}")))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("java.time.Instant needs the Jackson 2 module "
                        + "com.fasterxml.jackson.datatype:jackson-datatype-jsr310");
    }

    @Test
    void aMapperWithoutTheJdk8ModuleGivesAnErrorNamingIt() {
        PayloadCodec<Labelled> codec = JacksonCodecs.jackson2(new ObjectMapper()).create(Labelled.class);
        assertThatThrownBy(() -> codec.encode(new Labelled(Optional.of("x"))))
                .isInstanceOf(MqttPayloadCodecException.class)
                .hasMessageContaining("java.util.Optional needs the Jackson 2 module "
                        + "com.fasterxml.jackson.datatype:jackson-datatype-jdk8");
    }

    @Test
    void aMapperForAnotherFormatIsRejected() {
        ObjectMapper notJson = new ObjectMapper(new JsonFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getFormatName() {
                return "CBOR";
            }
        });
        assertThatThrownBy(() -> JacksonCodecs.jackson2(notJson))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON payload codecs need an ObjectMapper for JSON, not CBOR");
        assertThatThrownBy(() -> JacksonCodecs.jackson2(null)).isInstanceOf(NullPointerException.class);
    }

    /** An optional value, which Jackson 2 maps only with {@code jackson-datatype-jdk8}. */
    public record Labelled(Optional<String> label) {
    }
}
