package dev.telescale.bot.callbackdata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.Objects;

/**
 * The {@code callback_data} of a button made by {@link CallbackData}: a JSON node holding the Java object, kept in the
 * button's unmodelled fields until a {@link KeyboardRewriter} writes it as a cache key. Written anywhere else it
 * fails, naming the switch to turn on, so an object is never sent to Telegram as something it is not.
 */
final class CallbackDataNode extends POJONode {

    static final String FIELD = "callback_data";

    CallbackDataNode(Object value) {
        super(new Holder(value));
    }

    /** The object on the button. */
    Object value() {
        return ((Holder) _value).value;
    }

    @Override
    public String toString() {
        return "CallbackData[" + value() + "]";
    }

    /** What Jackson asks to write itself when the node is serialised (POJONode's own serialize is final). */
    private static final class Holder extends JsonSerializable.Base {
        final Object value;

        Holder(Object value) {
            this.value = value;
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            if (g instanceof KeyboardRewriter rewriter) {
                rewriter.writeObjectData(value);
                return;
            }
            throw new IllegalStateException("A button's callback data is a Java object (" + value.getClass().getName()
                    + ", put there with CallbackData), which only a Bot with arbitrary callback data can send: build "
                    + "it with Bot.builder().arbitraryCallbackData(true)");
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(g, provider);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Holder h && Objects.equals(value, h.value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }
}
