package io.mqttreactive.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceConfigurationError;

import org.junit.jupiter.api.Test;

class JsonCodecsTest {

    @Test
    void noProviderOnTheClassPathGivesAClearError() {
        assertThatThrownBy(() -> PayloadCodec.json(Reading.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No JsonCodecProvider found for a JSON codec of " + Reading.class.getName()
                        + "; providers found: none (are mqtt-reactive-impl and jackson-databind on the class path"
                        + " or module path?)");
    }

    @Test
    void rejectsANullType() {
        assertThatThrownBy(() -> PayloadCodec.json(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void usesTheFirstProviderThatLoads() {
        PayloadCodec<Reading> codec = JsonCodecs.json(Reading.class,
                List.<JsonCodecProvider>of(new FixedProvider("first"), new FixedProvider("second")).iterator());
        assertThat(codec.contentType()).contains("first");
    }

    @Test
    void skipsProvidersThatFailToLoad() {
        Iterator<JsonCodecProvider> providers = new ScriptedIterator(
                new ServiceConfigurationError("Provider a.Broken could not be instantiated",
                        new NoClassDefFoundError("com/fasterxml/jackson/databind/ObjectMapper")),
                new FixedProvider("working"));
        assertThat(JsonCodecs.json(Reading.class, providers).contentType()).contains("working");
    }

    @Test
    void listsTheFailuresWhenNoProviderLoads() {
        Iterator<JsonCodecProvider> providers = new ScriptedIterator(
                new ServiceConfigurationError("Provider a.Broken not found"),
                new NoClassDefFoundError("com/fasterxml/jackson/databind/ObjectMapper"));
        assertThatThrownBy(() -> JsonCodecs.json(Reading.class, providers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("providers found: none usable, [")
                .hasMessageContaining("Provider a.Broken not found")
                .hasMessageContaining("NoClassDefFoundError: com/fasterxml/jackson/databind/ObjectMapper");
    }

    @Test
    void stopsAnIteratorThatKeepsFailing() {
        Iterator<JsonCodecProvider> failing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                throw new ServiceConfigurationError("always");
            }

            @Override
            public JsonCodecProvider next() {
                throw new NoSuchElementException();
            }
        };
        assertThatThrownBy(() -> JsonCodecs.json(Reading.class, failing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("none usable");
    }

    private record Reading(String id) {
    }

    /** Yields the scripted elements in order; throws those that are errors. */
    private static final class ScriptedIterator implements Iterator<JsonCodecProvider> {

        private final Object[] script;
        private int next;

        ScriptedIterator(Object... script) {
            this.script = script;
        }

        @Override
        public boolean hasNext() {
            return next < script.length;
        }

        @Override
        public JsonCodecProvider next() {
            Object element = script[next++];
            if (element instanceof Error error) {
                throw error;
            }
            return (JsonCodecProvider) element;
        }
    }

    /** Creates codecs whose content type is the provider's name, so a test can tell which provider won. */
    private record FixedProvider(String name) implements JsonCodecProvider {

        @Override
        public <T> PayloadCodec<T> create(Class<T> type) {
            return new PayloadCodec<>() {
                @Override
                public byte[] encode(T value) {
                    return new byte[0];
                }

                @Override
                public T decode(byte[] payload) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Optional<String> contentType() {
                    return Optional.of(name);
                }
            };
        }
    }
}
