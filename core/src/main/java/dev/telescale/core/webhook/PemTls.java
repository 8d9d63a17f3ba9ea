package dev.telescale.core.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the server's {@link SSLContext} from the PEM files Telegram's self-signed-certificate guide produces: a
 * certificate (chain) and an unencrypted private key, PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519) or
 * PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}). Anything else fails with an {@link IllegalArgumentException} naming
 * the file and what to do.
 */
final class PemTls {

    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END [A-Z ]*PRIVATE KEY-----");
    private static final char[] NO_PASSWORD = new char[0];

    private PemTls() {
    }

    static SSLContext context(Path certFile, Path keyFile) {
        Certificate[] chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("webhook", key, NO_PASSWORD, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Invalid SSL certificate: the key in " + keyFile
                    + " does not fit the certificate in " + certFile + " (" + e.getMessage() + ")", e);
        }
    }

    private static Certificate[] certificates(Path file) {
        byte[] pem = read(file, "certificate");
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("Invalid SSL certificate: " + file
                        + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return certs.toArray(Certificate[]::new);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Invalid SSL certificate: " + file
                    + " is not a PEM X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String pem = new String(read(file, "private key"), StandardCharsets.US_ASCII);
        Matcher m = KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("Invalid SSL private key: " + file + " holds no PEM private key "
                    + "(-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
        }
        String kind = m.group(1) == null ? "" : m.group(1).strip();
        if (!kind.isEmpty() && !kind.equals("RSA")) {
            throw new IllegalArgumentException("Invalid SSL private key: " + file + " holds a " + kind
                    + " PRIVATE KEY, which is not supported; convert it to unencrypted PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in <key> -out <new key>'");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid SSL private key: " + file + " has broken base64", e);
        }
        byte[] pkcs8 = kind.equals("RSA") ? wrapPkcs1Rsa(der) : der;
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "EdDSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("Invalid SSL private key: " + file
                + " is not an RSA, EC or Ed25519 private key the JDK can read");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption OID, NULL params). */
    private static byte[] wrapPkcs1Rsa(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        byte[] content = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, content, 0, version.length);
        System.arraycopy(algorithm, 0, content, version.length, algorithm.length);
        System.arraycopy(octets, 0, content, version.length + algorithm.length, octets.length);
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] value) {
        int n = value.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(value, 0, out, 1 + length.length, n);
        return out;
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the SSL " + what + " file " + file + ": " + e, e);
        }
    }
}
