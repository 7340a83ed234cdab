package io.mqttreactive.netty.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Blocking loopback sockets with time-outs everywhere, for the fixtures' own smoke tests. */
public final class TestSockets {

    /** Connect and read time-out of every socket made here. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestSockets() {
    }

    /**
     * @param port a loopback port
     * @return a connected plain socket whose reads time out after {@link #TIMEOUT}
     * @throws IOException if the connection fails
     */
    public static Socket plain(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A TLS socket that trusts the CA of {@code certificates}, verifies the host name {@code localhost}, and
     * has completed its handshake.
     *
     * @param port a loopback port
     * @param certificates the CA to trust (and client certificate to present)
     * @param withClientCertificate whether to present the client certificate
     * @return the connected socket
     * @throws IOException if the connection or the handshake fails
     */
    public static SSLSocket tls(int port, TestCertificates certificates, boolean withClientCertificate)
            throws IOException {
        Socket plain = plain(port);
        try {
            SSLSocket tls = (SSLSocket) certificates.clientSslContext(withClientCertificate).getSocketFactory()
                    .createSocket(plain, "localhost", port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout((int) TIMEOUT.toMillis());
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }
}
