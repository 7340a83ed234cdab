/**
 * MQTT 5.0 enhanced authentication (section 4.12): {@link io.mqttreactive.auth.EnhancedAuthenticator}, the
 * challenge and response exchange a client runs with its broker, and {@link io.mqttreactive.auth.ScramAuthenticator},
 * SCRAM-SHA-256 and SCRAM-SHA-512 (RFC 5802, RFC 7677) as a ready one.
 */
@NullMarked
package io.mqttreactive.auth;

import org.jspecify.annotations.NullMarked;
