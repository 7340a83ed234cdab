/**
 * A scripted fake broker for the flow unit tests ({@code *Test}, Surefire): {@link
 * io.mqttreactive.netty.testing.scripted.ScriptedBroker} sits behind the client's transport seam ({@code
 * MqttConnector}) on an in-JVM Netty local channel, decodes what the client sends with the project's codec,
 * and answers as its script says ("expect PUBLISH id 1, answer PUBACK id 1"), so each QoS flow, timeout and
 * broker misbehaviour can be exercised deterministically, in milliseconds, without sockets.
 * {@link io.mqttreactive.netty.testing.scripted.PacketMatcher} says which packet a step expects and
 * {@link io.mqttreactive.netty.testing.scripted.Packets} builds what the broker sends.
 */
package io.mqttreactive.netty.testing.scripted;
