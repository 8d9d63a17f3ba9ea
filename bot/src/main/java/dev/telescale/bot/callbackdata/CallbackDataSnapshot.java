package dev.telescale.bot.callbackdata;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a {@link CallbackDataCache} as a value, for persistence (python-telegram-bot's
 * {@code persistence_data}): every cached keyboard with its last access time and its buttons' objects, and the map
 * of callback query ids to keyboards. Take one with {@link CallbackDataCache#snapshot()}, load one with
 * {@link CallbackDataCache#restore}.
 *
 * <p>Serialisable with any Jackson {@code ObjectMapper} as is (no module needed): access times are epoch
 * milliseconds, and each button object is written with its class name ({@code "@class"}), so it is read back as the
 * same type. The objects must therefore be Jackson-serialisable (records, classes with fields or getters and a
 * creator, strings, numbers, enums, lists and maps of those). Because class names are read from the store, treat
 * the store as trusted (it is the bot's own), or give the mapper a {@code PolymorphicTypeValidator} that allows
 * only your packages.
 *
 * @param keyboards the cached keyboards, least recently used first
 * @param queries   callback query id to keyboard id
 */
public record CallbackDataSnapshot(List<Keyboard> keyboards, Map<String, String> queries) {

    /** Copies the collections; both are required. */
    public CallbackDataSnapshot {
        keyboards = List.copyOf(Objects.requireNonNull(keyboards, "keyboards"));
        queries = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(queries, "queries")));
    }

    /** An empty snapshot. */
    public static CallbackDataSnapshot empty() {
        return new CallbackDataSnapshot(List.of(), Map.of());
    }

    /**
     * One cached keyboard.
     *
     * @param id         the keyboard id: 32 lowercase hex characters, the first half of each button's key
     * @param accessTime when a button of it was last sent or resolved
     * @param buttons    button id (32 lowercase hex characters) to the object on that button
     */
    public record Keyboard(
            String id,
            @JsonSerialize(using = EpochMillis.Writer.class) @JsonDeserialize(using = EpochMillis.Reader.class)
            Instant accessTime,
            @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Map<String, Object> buttons) {

        /** Copies the buttons (a null object is not allowed: a button without data is not cached). */
        public Keyboard {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(accessTime, "accessTime");
            buttons = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(buttons, "buttons")));
            buttons.forEach((k, v) -> Objects.requireNonNull(v, () -> "button " + k + " of keyboard " + id));
        }
    }

    /** Access times as epoch milliseconds, so that no {@code java.time} module is needed by the store's mapper. */
    static final class EpochMillis {
        private EpochMillis() {
        }

        static final class Writer extends JsonSerializer<Instant> {
            @Override
            public void serialize(Instant value, JsonGenerator g, SerializerProvider provider) throws IOException {
                g.writeNumber(value.toEpochMilli());
            }
        }

        static final class Reader extends JsonDeserializer<Instant> {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    return Instant.ofEpochMilli(p.getLongValue());
                }
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    try {
                        return Instant.parse(p.getText());
                    } catch (java.time.format.DateTimeParseException e) {
                        return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(),
                                "not an ISO-8601 instant");
                    }
                }
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
        }
    }
}
