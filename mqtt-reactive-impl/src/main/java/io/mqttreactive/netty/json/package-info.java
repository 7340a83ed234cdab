/**
 * The JSON payload codecs behind {@link io.mqttreactive.spi.PayloadCodec#json(Class)} and
 * {@code io.mqttreactive.netty.JacksonCodecs}, backed by Jackson 3 or Jackson 2 databind. Not exported:
 * {@link java.util.ServiceLoader} reaches the providers through the module's {@code provides} clause and, on the
 * class path, through {@code META-INF/services}. Classes naming a Jackson type are touched only once that
 * Jackson is known to be present.
 */
@NullMarked
package io.mqttreactive.netty.json;

import org.jspecify.annotations.NullMarked;
