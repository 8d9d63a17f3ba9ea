package dev.telescale.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files. The self-signed test certificate (CN and SAN 127.0.0.1, 100 years) and its keys in
 * src/test/resources were made with openssl req -x509 -newkey rsa:2048 -nodes; -traditional gave the PKCS#1 copy.
 */
class PemTlsTest {

    private static final String UPDATE = "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,"
            + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"tls\"}}";

    static Path resource(String name) {
        try {
            return Path.of(PemTlsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void servesHttpsWithAPkcs8OrPkcs1Key() throws Exception {
        for (String key : new String[] {"webhook-key.pem", "webhook-key-pkcs1.pem"}) {
            WebhookServer server = WebhookServer.builder().port(0)
                    .tls(resource("webhook-cert.pem"), resource(key)).build().start();
            RecordingSink sink = new RecordingSink();
            server.register(WebhookRoute.builder().path("/tls").secretToken("s").sink(sink).build());
            try (HttpClient client = TlsClients.trusting(resource("webhook-cert.pem"))) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + server.port() + "/tls"))
                        .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", "s")
                        .POST(HttpRequest.BodyPublishers.ofString(UPDATE)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), key);
                assertEquals(1, sink.awaitCount(1, Duration.ofSeconds(10)).size());
                assertTrue(server.isTls());
            } finally {
                server.stop(Duration.ZERO);
            }
        }
    }

    @Test
    void badFilesFailWithAMessageNamingTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        Path cert = resource("webhook-cert.pem");
        Path key = resource("webhook-key.pem");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a pem file at all");
        Path missing = dir.resolve("missing.pem");

        IllegalArgumentException badCert = assertThrows(IllegalArgumentException.class,
                () -> WebhookServer.builder().tls(garbage, key).build());
        assertTrue(badCert.getMessage().startsWith("Invalid SSL certificate") && badCert.getMessage()
                .contains("garbage.pem"), badCert.getMessage());
        IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class,
                () -> WebhookServer.builder().tls(cert, garbage).build());
        assertTrue(badKey.getMessage().contains("holds no PEM private key"), badKey.getMessage());
        IllegalArgumentException sec1 = assertThrows(IllegalArgumentException.class,
                () -> WebhookServer.builder().tls(cert, resource("ec-sec1-key.pem")).build());
        assertTrue(sec1.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), sec1.getMessage());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> WebhookServer.builder().tls(cert, missing).build());
        assertTrue(absent.getMessage().contains("missing.pem"), absent.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> WebhookServer.builder().tls(cert, Files.writeString(dir.resolve("broken.pem"),
                        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")).build());
        assertTrue(mismatch.getMessage().startsWith("Invalid SSL private key"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebhookServer.builder().tls(cert, null));
    }
}
