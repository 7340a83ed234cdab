/**
 * The JSON payload codec behind {@link io.mqttreactive.spi.PayloadCodec#json(Class)}, backed by Jackson
 * databind. Not exported: {@link java.util.ServiceLoader} reaches the provider through the module's
 * {@code provides} clause and, on the class path, through {@code META-INF/services}.
 */
@NullMarked
package io.mqttreactive.netty.json;

import org.jspecify.annotations.NullMarked;
