package dev.telescale.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telescale.api.json.ApiReader;
import dev.telescale.api.json.ApiWriter;
import dev.telescale.api.json.EncodedJson;
import dev.telescale.api.json.ParameterDefaults;
import dev.telescale.api.json.ValueReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON entry point of the Bot API model (python-telegram-bot's {@code de_json}/{@code to_json}): parses
 * JSON into any generated type, union or request class and writes any of them back. Streaming Jackson, no
 * reflection per call. Parse errors are {@link ApiParseException}s naming the type, the JSON path and the
 * problem; unknown fields and union variants never fail a parse.
 */
public final class TelegramJson {

    /** Emoji and other non-BMP characters are written as UTF-8, not as escaped surrogate pairs. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final String METHODS_PACKAGE = "dev.telescale.api.methods.";

    private static final ClassValue<ValueReader<?>> READERS = new ClassValue<>() {
        @Override
        protected ValueReader<?> computeValue(Class<?> type) {
            return lookupReader(type);
        }
    };

    private TelegramJson() {
    }

    /** The shared Jackson factory (default stream limits: nesting depth, number and string length). */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** The shared mapper, used only for JSON trees (unknown fields and variants). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses one value of {@code type} (a generated type, union or request class, or a JSON scalar type). */
    public static <T> T parse(String json, Class<T> type) {
        return parse(json, type, Map.of());
    }

    /** Parses UTF-8 JSON bytes. */
    public static <T> T parse(byte[] json, Class<T> type) {
        try {
            return read(FACTORY.createParser(json), type, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a value whose {@code "attach://name"} strings (and top-level upload parameters missing from the
     * JSON) are resolved from {@code attachments}, as when decoding a multipart request.
     */
    public static <T> T parse(String json, Class<T> type, Map<String, InputFile> attachments) {
        try {
            return read(FACTORY.createParser(json), type, attachments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON array whose elements are of {@code elementType}. */
    public static <T> List<T> parseList(String json, Class<T> elementType) {
        ValueReader<T> element = readerFor(elementType);
        try {
            @SuppressWarnings("unchecked")
            List<T> list = (List<T>) read(FACTORY.createParser(json), List.class, r -> r.readList(element),
                    "List<" + elementType.getSimpleName() + ">", Map.of());
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an API object, a list of them, or a scalar as compact JSON. */
    public static String write(Object apiObjectOrList) {
        try {
            PooledJsonOutput out = PooledJsonOutput.acquire();
            new ApiWriter(out.generator(), null).writeValue(apiObjectOrList);
            String json = out.takeString();
            out.release();
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes as UTF-8 JSON bytes. */
    public static byte[] writeBytes(Object apiObjectOrList) {
        try {
            PooledJsonOutput out = PooledJsonOutput.acquire();
            new ApiWriter(out.generator(), null).writeValue(apiObjectOrList);
            byte[] json = out.takeBytes();
            out.release();
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a request for sending: UTF-8 JSON with {@code defaults} (nullable) applied to unset defaultable
     * fields, plus the uploads to send as multipart parts (top-level ones left out of the JSON and named like
     * their parameter, nested ones referenced as {@code attach://name}).
     */
    public static EncodedJson writeRequest(ApiObject request, ParameterDefaults defaults) {
        try {
            PooledJsonOutput out = PooledJsonOutput.acquire();
            ApiWriter writer = new ApiWriter(out.generator(), defaults);
            request.writeTo(writer);
            byte[] json = out.takeBytes();
            out.release();
            return new EncodedJson(json, writer.attachments());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request class of a Bot API method; the name is matched case-insensitively, as Telegram does.
     *
     * @throws IllegalArgumentException for a name that is no Bot API method
     */
    public static Class<? extends ApiMethod<?>> methodClass(String methodName) {
        return findMethodClass(methodName).orElseThrow(() -> new IllegalArgumentException(
                "Unknown Bot API method '" + methodName + "'"));
    }

    /** The request class of a Bot API method, or empty for an unknown name. */
    public static Optional<Class<? extends ApiMethod<?>>> findMethodClass(String methodName) {
        if (methodName == null || !METHOD_NAME.matcher(methodName).matches()) {
            return Optional.empty();
        }
        return MethodIndex.find(methodName.toLowerCase(Locale.ROOT));
    }

    /** The reader of a type: its generated static {@code read(ApiReader)} method, or a scalar reader. */
    @SuppressWarnings("unchecked")
    public static <T> ValueReader<T> readerFor(Class<T> type) {
        return (ValueReader<T>) READERS.get(type);
    }

    private static <T> T read(JsonParser p, Class<T> type, Map<String, InputFile> attachments) throws IOException {
        return read(p, type, readerFor(type), type.getSimpleName(), attachments);
    }

    private static <T> T read(JsonParser p, Class<T> type, ValueReader<?> reader, String typeName,
                              Map<String, InputFile> attachments) throws IOException {
        try (p) {
            ApiReader r = new ApiReader(p, attachments);
            try {
                if (p.nextToken() == null) {
                    throw new ApiParseException(typeName, "$", "the input is empty");
                }
                Object value = reader.read(r);
                if (p.nextToken() != null) {
                    throw r.error(typeName, "unexpected content after the JSON value");
                }
                return type.cast(value);
            } catch (StreamConstraintsException e) {
                throw r.error(null, "input exceeds the parser's limits: " + e.getOriginalMessage(), e);
            } catch (JsonProcessingException e) {
                throw r.error(null, "malformed JSON: " + e.getOriginalMessage() + location(e.getLocation()), e);
            } catch (StackOverflowError e) {
                throw new ApiParseException(typeName, "$", "the input is nested too deeply");
            }
        }
    }

    private static String location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static ValueReader<?> lookupReader(Class<?> type) {
        if (type == String.class) {
            return ApiReader::readString;
        }
        if (type == Long.class || type == long.class) {
            return ApiReader::readLong;
        }
        if (type == Double.class || type == double.class) {
            return ApiReader::readDouble;
        }
        if (type == Boolean.class || type == boolean.class) {
            return ApiReader::readBoolean;
        }
        if (type == ChatId.class) {
            return ApiReader::readChatId;
        }
        if (type == InputFile.class) {
            return ApiReader::readInputFile;
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return ApiReader::readTree;
        }
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().findStatic(type, "read", MethodType.methodType(type, ApiReader.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(type.getName() + " is not a Bot API type (it has no static read(ApiReader))", e);
        }
        try {
            // A real ValueReader class calling the static read directly (inlinable), as a method reference would.
            return (ValueReader<?>) LambdaMetafactory.metafactory(MethodHandles.lookup(), "read",
                    MethodType.methodType(ValueReader.class), MethodType.methodType(Object.class, ApiReader.class),
                    handle, MethodType.methodType(type, ApiReader.class)).getTarget().invoke();
        } catch (Throwable e) {
            // not linkable as a lambda (another class loader, ...): call through the handle
        }
        return r -> {
            try {
                return handle.invoke(r);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
    }
}
