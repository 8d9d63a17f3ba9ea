package dev.telescale.testkit.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The method table of the Bot API spec the emulator answers for: which names exist (others get 404 as on
 * Telegram) and what each returns (unsimulated methods returning Boolean answer true). It reads the spec that
 * telescale-api ships as the resource {@value #RESOURCE}; the system property {@value #PATH_PROPERTY} points to
 * another spec file instead, e.g. a newer Bot API version.
 */
public final class BotApiSpec {

    /** The classpath resource holding the spec. */
    public static final String RESOURCE = "dev/telescale/api/botapi-10.1.json";
    /** System property naming a spec file to use instead of the resource. */
    public static final String PATH_PROPERTY = "telescale.botapi.spec";

    private static final ReentrantLock LOAD_LOCK = new ReentrantLock();
    private static volatile BotApiSpec loaded;

    private final String version;
    private final Map<String, MethodSpec> methodsByLowerName;

    private BotApiSpec(String version, Map<String, MethodSpec> methodsByLowerName) {
        this.version = version;
        this.methodsByLowerName = methodsByLowerName;
    }

    /** The spec, read once per class loader. */
    public static BotApiSpec load() {
        BotApiSpec spec = loaded;
        if (spec == null) {
            LOAD_LOCK.lock();
            try {
                spec = loaded;
                if (spec == null) {
                    spec = read();
                    loaded = spec;
                }
            } finally {
                LOAD_LOCK.unlock();
            }
        }
        return spec;
    }

    private static BotApiSpec read() {
        String path = System.getProperty(PATH_PROPERTY);
        try (InputStream in = path != null ? Files.newInputStream(Path.of(path))
                : BotApiSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The Bot API spec resource " + RESOURCE
                        + " is not on the classpath: add telescale-api, or set -D" + PATH_PROPERTY + "=<spec file>");
            }
            JsonNode root = Json.MAPPER.readTree(in);
            Map<String, MethodSpec> methods = new HashMap<>();
            for (JsonNode method : root.path("methods")) {
                String name = method.path("name").asText();
                StringBuilder returns = new StringBuilder();
                for (JsonNode type : method.path("returns")) {
                    returns.append(returns.isEmpty() ? "" : " | ").append(type.asText());
                }
                methods.put(name.toLowerCase(Locale.ROOT), new MethodSpec(name, returns.toString()));
            }
            if (methods.isEmpty()) {
                throw new IllegalStateException("The Bot API spec has no methods: " + (path != null ? path : RESOURCE));
            }
            return new BotApiSpec(root.path("version").asText("unknown"), Map.copyOf(methods));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Bot API spec " + (path != null ? path : RESOURCE), e);
        }
    }

    /** The Bot API version of the spec, e.g. "10.1" as the spec file states it. */
    public String version() {
        return version;
    }

    /** The method with this name, ignoring case as Telegram does. */
    public Optional<MethodSpec> method(String name) {
        return Optional.ofNullable(methodsByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** How many methods the spec has. */
    public int methodCount() {
        return methodsByLowerName.size();
    }

    /**
     * One method of the spec.
     *
     * @param name    the canonical name, e.g. "sendMessage"
     * @param returns the return type as the spec writes it, e.g. "Message | Boolean"
     */
    public record MethodSpec(String name, String returns) {

        /** Whether the method returns exactly Boolean. */
        public boolean returnsBoolean() {
            return "Boolean".equals(returns);
        }
    }
}
