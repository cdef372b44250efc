package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's PKI, made per run in-process: one CA, a serving and client certificate per component, and the
 * service-account key pair, as PEM files in one directory. RSA 2048 keys (fabric8 reads PKCS#8 keys as RSA), valid for a
 * day.
 */
final class KubePki {

    private static final Duration VALIDITY = Duration.ofDays(1);

    private final Path dir;
    private final SecureRandom random = new SecureRandom();
    private final KeyPair caKey;
    private final X509Certificate ca;

    private KubePki(Path dir) {
        this.dir = dir;
        this.caKey = keyPair();
        this.ca = sign(subject("otel-tutorial-harness-ca", null), caKey, caKey, null, List.of(), true, null);
    }

    /** A new CA in {@code dir} ({@code ca.crt}, {@code ca.key}). */
    static KubePki create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KubePki pki = new KubePki(dir);
        pki.write("ca.crt", pki.ca);
        pki.write("ca.key", pki.caKey.getPrivate());
        return pki;
    }

    Path caCert() {
        return dir.resolve("ca.crt");
    }

    Path caKey() {
        return dir.resolve("ca.key");
    }

    /** A certificate signed by the CA, written as {@code NAME.crt} and {@code NAME.key}. */
    Credentials issue(String name, String commonName, String organisation, List<String> dnsNames, List<String> ipAddresses,
            boolean server) {
        KeyPair key = keyPair();
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        KeyPurposeId purpose = server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth;
        X509Certificate cert = sign(subject(commonName, organisation), key, caKey, ca, names, false, purpose);
        Credentials credentials = new Credentials(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        write(credentials.cert().getFileName().toString(), cert);
        write(credentials.key().getFileName().toString(), key.getPrivate());
        return credentials;
    }

    /** The key pair the API server signs service-account tokens with: {@code sa.key} and {@code sa.pub}. */
    Credentials serviceAccountKeys() {
        KeyPair key = keyPair();
        write("sa.key", key.getPrivate());
        write("sa.pub", key.getPublic());
        return new Credentials(dir.resolve("sa.pub"), dir.resolve("sa.key"));
    }

    /** A certificate and its private key, as PEM files. */
    record Credentials(Path cert, Path key) {
    }

    private KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static org.bouncycastle.asn1.x500.X500Name subject(String commonName, String organisation) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        if (organisation != null) {
            name.addRDN(BCStyle.O, organisation);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private X509Certificate sign(org.bouncycastle.asn1.x500.X500Name subject, KeyPair key, KeyPair issuerKey, X509Certificate issuer,
            List<GeneralName> names, boolean isCa, KeyPurposeId purpose) {
        try {
            Instant now = Instant.now();
            var issuerName = issuer == null ? subject : new X509CertificateHolder(issuer.getEncoded()).getSubject();
            var builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, random).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    private void write(String file, Object pemObject) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            // PKCS#8 ("PRIVATE KEY"): what Go's key parsers and fabric8 both read.
            pem.writeObject(pemObject instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : pemObject);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        try {
            Files.writeString(dir.resolve(file), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
