/**
 * Fixtures for the integration tests ({@code *IT}, run by Failsafe): real brokers started by the tests,
 * TLS material made at test time, and a fault-injecting TCP proxy. Everything binds to and connects to
 * {@code 127.0.0.1} only, every wait is bounded, and every fixture cleans up on {@code close()}.
 *
 * <ul>
 *   <li>{@link io.mqttreactive.netty.testing.HiveMqBroker}: HiveMQ CE embedded in the test JVM (MQTT 3.1,
 *       3.1.1, 5), once per class with {@code start()} or once per JVM with {@code shared()}.</li>
 *   <li>{@link io.mqttreactive.netty.testing.MosquittoBroker}: Eclipse Mosquitto 2 as a child process, with
 *       optional users, ACL and persistence, and {@code stop()}, {@code kill()}, {@code start()},
 *       {@code restart()} on the same ports. Classes that use it carry
 *       {@link io.mqttreactive.netty.testing.RequiresMosquitto}: skipped with a printed reason when mosquitto
 *       is missing, failed instead when {@code MQTT_REQUIRE_MOSQUITTO=true} (CI).</li>
 *   <li>{@link io.mqttreactive.netty.testing.MqttTestBroker}: what both brokers offer, so a suite is written
 *       once and parameterised over brokers and {@link io.mqttreactive.netty.testing.MqttTestBroker.Listener}
 *       kinds ({@code TCP}, {@code TLS}, {@code MUTUAL_TLS}, {@code WEBSOCKET}, {@code SECURE_WEBSOCKET}, the
 *       WebSocket ones on path {@code /mqtt}).</li>
 *   <li>{@link io.mqttreactive.netty.testing.TestCertificates}: a CA, a server certificate for
 *       {@code localhost} / {@code 127.0.0.1} and a client certificate, as PEM files, PKCS#12 stores and JDK
 *       objects; give the client the CA (and, for mutual TLS, the client key and certificate).</li>
 *   <li>{@link io.mqttreactive.netty.testing.TcpProxy}: put it between client and broker to cut, reset,
 *       stall, slow or refuse the link.</li>
 *   <li>{@link io.mqttreactive.netty.testing.RawMqtt}, {@link io.mqttreactive.netty.testing.RawWebSocket},
 *       {@link io.mqttreactive.netty.testing.TestSockets}: hand-encoded packets on JDK sockets, used by the
 *       fixtures' own smoke tests so they do not depend on the client under test.</li>
 * </ul>
 *
 * <p>BlockHound is installed in every integration test JVM (see {@code BlockHoundInstalledIT}): a blocking
 * call on a Netty event loop or a Reactor non-blocking thread raises {@code BlockingOperationError}, except
 * the short waits Netty's own integration and {@link io.mqttreactive.netty.testing.NettyAllocatorBlockHoundIntegration}
 * allow.
 */
package io.mqttreactive.netty.testing;
