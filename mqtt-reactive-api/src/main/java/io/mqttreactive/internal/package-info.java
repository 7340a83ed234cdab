/**
 * Helpers shared by the api packages. Not exported by the module and not part of the public API.
 */
@NullMarked
package io.mqttreactive.internal;

import org.jspecify.annotations.NullMarked;
