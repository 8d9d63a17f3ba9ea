package dev.telescale.bot.callbackdata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON generator that writes the {@code callback_data} of inline keyboard buttons as cache keys and caches what
 * they stood for, while the request is being encoded: one pass, no tree. A button's position is read from the
 * generator's own output context ({@code inline_keyboard} → row → button → {@code callback_data}), so it works for
 * the generated types and for raw JSON trees alike, at any depth of any method. Keyboards are cached as each one is
 * closed. One per request, not thread-safe (as any generator).
 */
final class KeyboardRewriter extends JsonGeneratorDelegate {

    private static final String INLINE_KEYBOARD = "inline_keyboard";

    private final CallbackDataCache cache;
    private String keyboardId;
    private Map<String, Object> buttons;

    KeyboardRewriter(JsonGenerator out, CallbackDataCache cache) {
        super(out, false);
        this.cache = cache;
    }

    /** Writes an object put on a button with {@link CallbackData}; fails anywhere but a button's callback_data. */
    void writeObjectData(Object value) throws IOException {
        if (!atCallbackData()) {
            throw new IllegalStateException("CallbackData objects belong in the callback_data of an inline keyboard "
                    + "button, not at " + getOutputContext().pathAsPointer());
        }
        delegate.writeString(keyFor(value));
    }

    @Override
    public void writeString(String text) throws IOException {
        if (text != null && atCallbackData()) {
            Object cached = cache.peek(text);
            delegate.writeString(keyFor(cached != null ? cached : text));
        } else {
            delegate.writeString(text);
        }
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        if (atCallbackData()) {
            writeString(new String(text, offset, len));
        } else {
            delegate.writeString(text, offset, len);
        }
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        if (atCallbackData()) {
            writeString(text.getValue());
        } else {
            delegate.writeString(text);
        }
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        startKeyboardIf(name);
        delegate.writeFieldName(name);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        startKeyboardIf(name.getValue());
        delegate.writeFieldName(name);
    }

    @Override
    public void writeEndArray() throws IOException {
        JsonStreamContext ctx = getOutputContext();
        boolean keyboardEnds = ctx.inArray() && isKeyboardField(ctx.getParent());
        delegate.writeEndArray();
        if (keyboardEnds) {
            finishKeyboard();
        }
    }

    @Override
    public void close() throws IOException {
        finishKeyboard();
        super.close();
    }

    private void startKeyboardIf(String fieldName) {
        if (INLINE_KEYBOARD.equals(fieldName)) {
            finishKeyboard();
        }
    }

    private String keyFor(Object value) {
        if (keyboardId == null) {
            keyboardId = CallbackDataCache.newId();
            buttons = new HashMap<>();
        }
        String buttonId = CallbackDataCache.newId();
        buttons.put(buttonId, value);
        return keyboardId + buttonId;
    }

    private void finishKeyboard() {
        if (keyboardId != null) {
            cache.register(keyboardId, buttons);
            keyboardId = null;
            buttons = null;
        }
    }

    /** Whether the next value is a button's callback_data: inline_keyboard → row array → button object. */
    private boolean atCallbackData() {
        JsonStreamContext button = getOutputContext();
        if (!button.inObject() || !CallbackDataNode.FIELD.equals(button.getCurrentName())) {
            return false;
        }
        JsonStreamContext row = button.getParent();
        if (row == null || !row.inArray()) {
            return false;
        }
        JsonStreamContext keyboard = row.getParent();
        return keyboard != null && keyboard.inArray() && isKeyboardField(keyboard.getParent());
    }

    private static boolean isKeyboardField(JsonStreamContext ctx) {
        return ctx != null && ctx.inObject() && INLINE_KEYBOARD.equals(ctx.getCurrentName());
    }
}
