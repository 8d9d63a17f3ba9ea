package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.spec.BotApiSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A minimal Bot API client for the emulator's tests: real HTTP with the JDK client, answers parsed as trees.
 * It also points the emulator at the spec file of the source tree when telescale-api's resource is missing.
 */
public final class TestApi {

    static {
        if (TestApi.class.getClassLoader().getResource(BotApiSpec.RESOURCE) == null
                && System.getProperty(BotApiSpec.PATH_PROPERTY) == null) {
            for (Path candidate : new Path[] {Path.of("../spec/botapi-10.1.json"), Path.of("spec/botapi-10.1.json")}) {
                if (Files.exists(candidate)) {
                    System.setProperty(BotApiSpec.PATH_PROPERTY, candidate.toAbsolutePath().toString());
                    break;
                }
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BotApiEmulator emulator;

    public TestApi(BotApiEmulator emulator) {
        this.emulator = emulator;
    }

    /** Starts an emulator (making sure the spec is found first). */
    public static BotApiEmulator startEmulator() {
        return BotApiEmulator.start();
    }

    /** Starts an emulator from a builder (making sure the spec is found first). */
    public static BotApiEmulator.Builder builder() {
        return BotApiEmulator.builder();
    }

    /** The HTTP client. */
    public HttpClient client() {
        return client;
    }

    /** POSTs a JSON body to a method. */
    public Answer postJson(String token, String method, String json) {
        return send(HttpRequest.newBuilder(uri(token, method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs a form body to a method. */
    public Answer postForm(String token, String method, String form) {
        return send(HttpRequest.newBuilder(uri(token, method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** POSTs a body with an arbitrary content type. */
    public Answer post(String token, String method, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(token, method)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GETs a method with a query string (may be empty). */
    public Answer get(String token, String methodAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(emulator.apiBaseUrl() + "/bot" + token + "/" + methodAndQuery)).GET());
    }

    /** GETs any path of the server. */
    public HttpResponse<byte[]> getPath(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(emulator.serverUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls a method with a JSON body and returns its result, failing when the answer is not ok. */
    public JsonNode call(String token, String method, String json) {
        Answer answer = postJson(token, method, json);
        if (!answer.json().path("ok").asBoolean()) {
            throw new AssertionError(method + " failed: " + answer.body());
        }
        return answer.json().get("result");
    }

    private URI uri(String token, String method) {
        return URI.create(emulator.apiBaseUrl() + "/bot" + token + "/" + method);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(70)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HTTP answer.
     *
     * @param status HTTP status
     * @param body   the body text
     */
    public record Answer(int status, String body) {

        /** The body as JSON. */
        public JsonNode json() {
            return Json.parse(body);
        }

        /** The "description" of an error answer. */
        public String description() {
            return json().path("description").asText();
        }
    }
}
