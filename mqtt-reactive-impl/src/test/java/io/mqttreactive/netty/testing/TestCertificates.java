package io.mqttreactive.netty.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS material made at test time: a throw-away CA, a server certificate for {@code localhost} and
 * {@code 127.0.0.1} and a client certificate, all signed by that CA (ECDSA P-256 keys, SHA-256 signatures: made in
 * milliseconds, where RSA 2048 took seconds). Nothing private is committed.
 *
 * <p>Every item exists both as a Java object and as a file in {@link #directory()}: PEM files for mosquitto
 * and for PEM-based client options, PKCS#12 stores (password {@link #PASSWORD}) for HiveMQ and for
 * {@code KeyStore}-based client options. {@link #shared()} is generated once per JVM; {@link #generate()}
 * makes an independent set, whose CA the shared brokers do not trust (for "unknown CA" tests);
 * {@link #generateForServerNames(String...)} one whose server certificate names other hosts (for host name
 * verification tests).
 */
public final class TestCertificates {

    /** The password of every key store and key entry written here. */
    public static final String PASSWORD = "test-secret";
    /** The alias of the key entry in the server and client key stores. */
    public static final String KEY_ALIAS = "key";
    /** The alias of the CA in the trust store. */
    public static final String CA_ALIAS = "test-ca";
    /** The common name of the client certificate (mosquitto can use it as the user name). */
    public static final String CLIENT_COMMON_NAME = "mqtt-reactive-test-client";

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final List<String> DEFAULT_SERVER_NAMES = List.of("localhost", "127.0.0.1");

    private static volatile TestCertificates shared;

    private final Path directory;
    private final List<String> serverNames;
    private final X509Certificate caCertificate;
    private final X509Certificate serverCertificate;
    private final PrivateKey serverPrivateKey;
    private final X509Certificate clientCertificate;
    private final PrivateKey clientPrivateKey;

    private TestCertificates(Path directory, List<String> serverNames)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        this.directory = directory;
        this.serverNames = List.copyOf(serverNames);
        KeyPair ca = newKeyPair();
        X500Name caName = new X500Name("CN=mqtt-reactive test CA " + SERIALS.get());
        this.caCertificate = sign(caName, ca.getPublic(), caName, ca, null, Role.CA);
        KeyPair server = newKeyPair();
        this.serverPrivateKey = server.getPrivate();
        this.serverCertificate = sign(new X500Name("CN=" + this.serverNames.get(0)), server.getPublic(), caName, ca,
                caCertificate, Role.SERVER);
        KeyPair client = newKeyPair();
        this.clientPrivateKey = client.getPrivate();
        this.clientCertificate = sign(new X500Name("CN=" + CLIENT_COMMON_NAME), client.getPublic(), caName, ca,
                caCertificate, Role.CLIENT);
        writeFiles();
    }

    /**
     * The set shared by every test of this JVM and by the broker fixtures, generated on first use into a
     * temporary directory that is deleted when the JVM exits.
     *
     * @return the shared set
     */
    public static TestCertificates shared() {
        TestCertificates current = shared;
        if (current == null) {
            synchronized (TestCertificates.class) {
                current = shared;
                if (current == null) {
                    Path dir = TempDirs.create("mqtt-test-certs");
                    TempDirs.deleteOnExit(dir);
                    current = generate(dir);
                    shared = current;
                }
            }
        }
        return current;
    }

    /**
     * Generates an independent set (its own CA) into a fresh temporary directory deleted when the JVM exits.
     *
     * @return the new set
     */
    public static TestCertificates generate() {
        Path dir = TempDirs.create("mqtt-test-certs");
        TempDirs.deleteOnExit(dir);
        return generate(dir);
    }

    /**
     * Generates an independent set into {@code directory}, which the caller owns.
     *
     * @param directory an existing directory
     * @return the new set
     */
    public static TestCertificates generate(Path directory) {
        return generate(directory, DEFAULT_SERVER_NAMES);
    }

    /**
     * Generates an independent set, like {@link #generate()}, whose server certificate names only
     * {@code serverNames} (DNS names, or IPv4 addresses as IP entries) in its subject alternative names: a client
     * that verifies host names refuses it for any other host, {@code 127.0.0.1} included unless listed.
     *
     * @param serverNames one or more host names or IPv4 addresses; the first is also the common name
     * @return the new set, in a temporary directory deleted when the JVM exits
     */
    public static TestCertificates generateForServerNames(String... serverNames) {
        if (serverNames.length == 0) {
            throw new IllegalArgumentException("at least one server name");
        }
        Path dir = TempDirs.create("mqtt-test-certs");
        TempDirs.deleteOnExit(dir);
        return generate(dir, List.of(serverNames));
    }

    private static TestCertificates generate(Path directory, List<String> serverNames) {
        try {
            return new TestCertificates(directory, serverNames);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate test certificates", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the directory holding every file below */
    public Path directory() {
        return directory;
    }

    /** @return the CA certificate, PEM ({@code ca.crt}) */
    public Path caCertificatePem() {
        return directory.resolve("ca.crt");
    }

    /** @return the server certificate, PEM ({@code server.crt}); SAN: DNS localhost, IP 127.0.0.1 by default */
    public Path serverCertificatePem() {
        return directory.resolve("server.crt");
    }

    /** @return the server's unencrypted PKCS#8 private key, PEM ({@code server.key}) */
    public Path serverPrivateKeyPem() {
        return directory.resolve("server.key");
    }

    /** @return the client certificate, PEM ({@code client.crt}) */
    public Path clientCertificatePem() {
        return directory.resolve("client.crt");
    }

    /** @return the client's unencrypted PKCS#8 private key, PEM ({@code client.key}) */
    public Path clientPrivateKeyPem() {
        return directory.resolve("client.key");
    }

    /** @return PKCS#12 with the server key and chain under {@link #KEY_ALIAS}, password {@link #PASSWORD} */
    public Path serverKeyStore() {
        return directory.resolve("server.p12");
    }

    /** @return PKCS#12 with the client key and chain under {@link #KEY_ALIAS}, password {@link #PASSWORD} */
    public Path clientKeyStore() {
        return directory.resolve("client.p12");
    }

    /** @return PKCS#12 trust store holding the CA under {@link #CA_ALIAS}, password {@link #PASSWORD} */
    public Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    /** @return the CA certificate */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** @return the server certificate */
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** @return the server private key */
    public PrivateKey serverPrivateKey() {
        return serverPrivateKey;
    }

    /** @return the client certificate */
    public X509Certificate clientCertificate() {
        return clientCertificate;
    }

    /** @return the client private key */
    public PrivateKey clientPrivateKey() {
        return clientPrivateKey;
    }

    /**
     * A JDK client context that trusts this CA and, if asked, presents the client certificate.
     *
     * @param withClientCertificate whether to present the client certificate (mutual TLS)
     * @return an initialised TLS context
     */
    public SSLContext clientSslContext(boolean withClientCertificate) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore()));
            KeyManagerFactory kmf = null;
            if (withClientCertificate) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(clientKeyStore()), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the client TLS context", e);
        }
    }

    private enum Role { CA, SERVER, CLIENT }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private GeneralNames subjectAlternativeNames() {
        GeneralName[] names = serverNames.stream()
                .map(name -> name.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                        ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    private X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer, KeyPair issuerKeys,
            X509Certificate issuerCertificate, Role role)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, subjectKey);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        if (issuerCertificate != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerCertificate));
        }
        switch (role) {
            case CA -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            case SERVER -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames());
            }
            case CLIENT -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private void writeFiles() throws IOException, GeneralSecurityException {
        writePem(caCertificatePem(), "CERTIFICATE", caCertificate.getEncoded());
        writePem(serverCertificatePem(), "CERTIFICATE", serverCertificate.getEncoded());
        writePem(serverPrivateKeyPem(), "PRIVATE KEY", serverPrivateKey.getEncoded());
        writePem(clientCertificatePem(), "CERTIFICATE", clientCertificate.getEncoded());
        writePem(clientPrivateKeyPem(), "PRIVATE KEY", clientPrivateKey.getEncoded());
        writeKeyStore(serverKeyStore(), serverPrivateKey, serverCertificate);
        writeKeyStore(clientKeyStore(), clientPrivateKey, clientCertificate);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(CA_ALIAS, caCertificate);
        store(trust, trustStore());
    }

    private void writeKeyStore(Path file, PrivateKey key, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(KEY_ALIAS, key, PASSWORD.toCharArray(), new Certificate[] {certificate, caCertificate});
        store(store, file);
    }

    private static void store(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static KeyStore load(Path file) {
        try (var in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        Files.write(file, pem.getBytes(StandardCharsets.US_ASCII));
    }
}
