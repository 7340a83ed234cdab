package io.mqttreactive.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
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
    void aGenericTypeGoesToTheProvidersCreateOfAType() {
        Type listOfReadings = new TypeToken<List<Reading>>() { }.type();
        PayloadCodec<List<Reading>> codec = JsonCodecs.json(listOfReadings,
                List.<JsonCodecProvider>of(new GenericProvider()).iterator());
        assertThat(codec.contentType()).contains("generic " + listOfReadings.getTypeName());
        assertThat(listOfReadings.getTypeName()).isEqualTo("java.util.List<" + Reading.class.getName() + ">");
        assertThatThrownBy(() -> PayloadCodec.json(listOfReadings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No JsonCodecProvider found for a JSON codec of java.util.List<"
                        + Reading.class.getName() + ">; ");
        assertThatThrownBy(() -> PayloadCodec.json((Type) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aProviderThatMapsClassesOnlyCreatesTheCodecOfAClassGivenAsATypeAndRefusesAGenericType() {
        JsonCodecProvider classesOnly = new FixedProvider("classes");
        assertThat(classesOnly.<Reading>create((Type) Reading.class).contentType()).contains("classes");
        Type listOfReadings = new TypeToken<List<Reading>>() { }.type();
        assertThatThrownBy(() -> classesOnly.create(listOfReadings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JsonCodecProvider classes maps classes only, not java.util.List<"
                        + Reading.class.getName() + ">");
        assertThatThrownBy(() -> classesOnly.create((Type) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void onATiePrefersTheFirstByNameWhateverTheLoadOrder() {
        assertThat(JsonCodecs.json(Reading.class,
                List.<JsonCodecProvider>of(new FixedProvider("second"), new FixedProvider("first")).iterator())
                .contentType()).contains("first");
    }

    @Test
    void prefersTheHighestPriority() {
        List<JsonCodecProvider> providers = List.of(new FixedProvider("jackson2", -200, true),
                new FixedProvider("custom", 0, true), new FixedProvider("jackson3", -100, true));
        assertThat(JsonCodecs.json(Reading.class, providers.iterator()).contentType()).contains("custom");
        assertThat(JsonCodecs.json(Reading.class, providers.subList(0, 1).iterator()).contentType())
                .contains("jackson2");
        assertThat(JsonCodecs.json(Reading.class, List.of(providers.get(0), providers.get(2)).iterator())
                .contentType()).contains("jackson3");
    }

    @Test
    void skipsProvidersThatAreNotAvailable() {
        List<JsonCodecProvider> providers = List.of(new FixedProvider("jackson3", -100, false),
                new FixedProvider("jackson2", -200, true));
        assertThat(JsonCodecs.json(Reading.class, providers.iterator()).contentType()).contains("jackson2");
        assertThatThrownBy(() -> JsonCodecs.json(Reading.class, providers.subList(0, 1).iterator()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("providers found: none usable, [jackson3 (not available)]");
    }

    @Test
    void usesTheProviderTheSystemPropertyNamesOverAHigherPriority() {
        List<JsonCodecProvider> providers = List.of(new FixedProvider("jackson3", -100, true),
                new FixedProvider("jackson2", -200, true));
        assertThat(JsonCodecs.json(Reading.class, providers.iterator(), " Jackson2 ").contentType())
                .contains("jackson2");
        assertThat(JsonCodecs.json(Reading.class, providers.iterator(), "").contentType()).contains("jackson3");
    }

    @Test
    void aChosenProviderThatIsNotAvailableIsAnErrorNotAFallback() {
        List<JsonCodecProvider> providers = List.of(new FixedProvider("jackson3", -100, false),
                new FixedProvider("jackson2", -200, true));
        assertThatThrownBy(() -> JsonCodecs.json(Reading.class, providers.iterator(), "jackson3"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The JsonCodecProvider \"jackson3\" chosen by the system property "
                        + "io.mqttreactive.json.provider is not available; available: [jackson2], "
                        + "skipped: [jackson3 (not available)]");
    }

    @Test
    void theSystemPropertyIsRead() {
        String previous = System.setProperty(JsonCodecProvider.PROVIDER_PROPERTY, "gson");
        try {
            assertThatThrownBy(() -> PayloadCodec.json(Reading.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The JsonCodecProvider \"gson\" chosen by the system property");
        } finally {
            if (previous == null) {
                System.clearProperty(JsonCodecProvider.PROVIDER_PROPERTY);
            } else {
                System.setProperty(JsonCodecProvider.PROVIDER_PROPERTY, previous);
            }
        }
    }

    @Test
    void theDefaultsKeepProvidersWrittenBeforePrioritiesWorking() {
        JsonCodecProvider legacy = new JsonCodecProvider() {
            @Override
            public String name() {
                return "legacy";
            }

            @Override
            public <T> PayloadCodec<T> create(Class<T> type) {
                return new FixedProvider("legacy").create(type);
            }
        };
        assertThat(legacy.priority()).isZero();
        assertThat(legacy.available()).isTrue();
        assertThat(JsonCodecs.json(Reading.class, List.of(legacy).iterator()).contentType()).contains("legacy");
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

    /** The type argument of an anonymous subclass, as Jackson's {@code TypeReference} captures it. */
    private abstract static class TypeToken<T> {

        Type type() {
            return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        }
    }

    /** Maps any type; its codecs' content type names the type they were created for. */
    private static final class GenericProvider implements JsonCodecProvider {

        @Override
        public String name() {
            return "generic";
        }

        @Override
        public <T> PayloadCodec<T> create(Class<T> type) {
            return create((Type) type);
        }

        @Override
        public <T> PayloadCodec<T> create(Type type) {
            return new FixedProvider("generic " + type.getTypeName()).create(null);
        }
    }

    /** Creates codecs whose content type is the provider's name, so a test can tell which provider won. */
    private record FixedProvider(String name, int priority, boolean available) implements JsonCodecProvider {

        FixedProvider(String name) {
            this(name, 0, true);
        }

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
