package dev.telescale.bot.callbackdata;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telescale.api.types.CallbackQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded cache behind arbitrary callback data (python-telegram-bot's {@code CallbackDataCache}): the Bot puts
 * any Java object on an inline button by sending a 64-character key instead ({@code keyboard id + button id}, 32
 * lowercase hex characters each, exactly the Bot API's 64-byte limit) and keeping the object here; a callback query
 * carrying the key is resolved back to the object.
 *
 * <p>Two LRU maps of at most {@link #maxSize()} entries each: keyboard id to the keyboard's buttons (with the time
 * it was last sent or resolved, which also moves it to the young end), and callback query id to keyboard id (so a
 * query's keyboard can be dropped once answered). When the cache is full the least recently used keyboard goes;
 * its buttons then resolve to {@link InvalidCallbackData}. Thread-safe: one lock, never held during I/O.
 *
 * <p>Normally used through the Bot ({@code Bot.builder().arbitraryCallbackData(true)}, {@code bot.callbackData(query)},
 * {@code bot.dropCallbackData(query)}); {@link #snapshot()} and {@link #restore} are for persistence.
 */
public final class CallbackDataCache {

    /** The size PTB uses when arbitrary callback data is turned on without a size. */
    public static final int DEFAULT_MAX_SIZE = 1024;

    static final int ID_LENGTH = 32;
    static final int KEY_LENGTH = 2 * ID_LENGTH;
    private static final HexFormat HEX = HexFormat.of();

    private final int maxSize;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Keyboard> keyboards;
    private final LinkedHashMap<String, String> queries;

    /** One cached keyboard; mutable only under the cache's lock. */
    private static final class Keyboard {
        final Map<String, Object> buttons;
        Instant accessTime;

        Keyboard(Map<String, Object> buttons, Instant accessTime) {
            this.buttons = buttons;
            this.accessTime = accessTime;
        }
    }

    /** A cache of at most {@code maxSize} keyboards (and as many callback query ids). */
    public CallbackDataCache(int maxSize) {
        this(maxSize, Clock.systemUTC());
    }

    CallbackDataCache(int maxSize, Clock clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("The callback data cache must hold at least 1 keyboard, was " + maxSize);
        }
        this.maxSize = maxSize;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyboards = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Keyboard> eldest) {
                return size() > CallbackDataCache.this.maxSize;
            }
        };
        this.queries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > CallbackDataCache.this.maxSize;
            }
        };
    }

    /** How many keyboards (and, separately, callback query ids) this cache keeps at most. */
    public int maxSize() {
        return maxSize;
    }

    /** How many keyboards are cached now. */
    public int size() {
        lock.lock();
        try {
            return keyboards.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The object behind a callback query's data: the cached object, or an {@link InvalidCallbackData} when the data is
     * not a key of a cached button; null when the query has no data (a game's query). A hit refreshes the keyboard's
     * access time and remembers the query's id for {@link #drop}.
     */
    public Object resolve(CallbackQuery query) {
        Objects.requireNonNull(query, "query");
        String data = query.data().orElse(null);
        if (data == null) {
            return null;
        }
        return lookup(data, query.id());
    }

    /**
     * The object behind a {@code callback_data} string (for instance a button of a message's
     * {@code reply_markup}), or an {@link InvalidCallbackData}. A hit refreshes the keyboard's access time.
     */
    public Object resolve(String callbackData) {
        Objects.requireNonNull(callbackData, "callbackData");
        return lookup(callbackData, null);
    }

    private Object lookup(String data, String queryId) {
        if (!isKey(data)) {
            return new InvalidCallbackData(data);
        }
        String keyboardId = data.substring(0, ID_LENGTH);
        lock.lock();
        try {
            Keyboard keyboard = keyboards.get(keyboardId);
            Object value = keyboard == null ? null : keyboard.buttons.get(data.substring(ID_LENGTH));
            if (value == null) {
                return new InvalidCallbackData(data);
            }
            keyboard.accessTime = clock.instant();
            if (queryId != null) {
                queries.put(queryId, keyboardId);
            }
            return value;
        } finally {
            lock.unlock();
        }
    }

    /** The object behind a key if its keyboard is cached, else null; refreshes nothing. */
    Object peek(String data) {
        if (!isKey(data)) {
            return null;
        }
        lock.lock();
        try {
            Keyboard keyboard = keyboards.get(data.substring(0, ID_LENGTH));
            return keyboard == null ? null : keyboard.buttons.get(data.substring(ID_LENGTH));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes the keyboard a callback query came from (PTB's {@code drop_data}), typically once the query is answered
     * and the keyboard will not be pressed again. The keyboard is found by the query's id (recorded when the query was
     * resolved) or else by the key in its data.
     *
     * @throws NoSuchElementException when neither leads to a cached keyboard
     */
    public void drop(CallbackQuery query) {
        Objects.requireNonNull(query, "query");
        lock.lock();
        try {
            String keyboardId = queries.remove(query.id());
            if (keyboardId == null) {
                // Only a key of a button that exists: a made-up button id must not drop a real keyboard.
                String data = query.data().orElse(null);
                Keyboard k = data != null && isKey(data) ? keyboards.get(data.substring(0, ID_LENGTH)) : null;
                keyboardId = k != null && k.buttons.containsKey(data.substring(ID_LENGTH))
                        ? data.substring(0, ID_LENGTH) : null;
            }
            if (keyboardId == null || keyboards.remove(keyboardId) == null) {
                throw new NoSuchElementException("CallbackQuery " + query.id() + " was not found in the callback data "
                        + "cache: its keyboard was never cached, was evicted or was already dropped");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes every keyboard (PTB's {@code clear_callback_data()}). */
    public void clear() {
        lock.lock();
        try {
            keyboards.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the keyboards last sent or resolved before {@code cutoff}. */
    public void clear(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        lock.lock();
        try {
            keyboards.values().removeIf(k -> k.accessTime.isBefore(cutoff));
        } finally {
            lock.unlock();
        }
    }

    /** Forgets which keyboard each callback query came from (PTB's {@code clear_callback_queries()}). */
    public void clearQueries() {
        lock.lock();
        try {
            queries.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The cache's content as a value, least recently used keyboard first. */
    public CallbackDataSnapshot snapshot() {
        lock.lock();
        try {
            List<CallbackDataSnapshot.Keyboard> list = new ArrayList<>(keyboards.size());
            keyboards.forEach((id, k) -> list.add(new CallbackDataSnapshot.Keyboard(id, k.accessTime, k.buttons)));
            return new CallbackDataSnapshot(list, queries);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the cache's content with a snapshot (PTB's {@code load_persistence_data}). Keyboards are ordered by
     * access time; when the snapshot holds more than {@link #maxSize()} the least recently used are left out.
     *
     * @throws IllegalArgumentException naming the first malformed id, before anything is changed
     */
    public void restore(CallbackDataSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        for (CallbackDataSnapshot.Keyboard k : snapshot.keyboards()) {
            requireId(k.id(), "keyboard id");
            k.buttons().keySet().forEach(b -> requireId(b, "button id in keyboard " + k.id()));
        }
        snapshot.queries().forEach((q, k) -> requireId(k, "keyboard id of callback query " + q));
        List<CallbackDataSnapshot.Keyboard> ordered = new ArrayList<>(snapshot.keyboards());
        ordered.sort(Comparator.comparing(CallbackDataSnapshot.Keyboard::accessTime));
        lock.lock();
        try {
            keyboards.clear();
            queries.clear();
            for (CallbackDataSnapshot.Keyboard k : ordered) {
                keyboards.put(k.id(), new Keyboard(new HashMap<>(k.buttons()), k.accessTime()));
            }
            queries.putAll(snapshot.queries());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wraps a JSON generator so that the inline keyboards written through it carry cache keys instead of their
     * {@code callback_data} (PTB's {@code process_keyboard}): each {@code inline_keyboard} gets a new keyboard id,
     * each button with callback data a new button id, and the keyboard is cached as soon as it is written. Both
     * string data and objects put on a button with {@link CallbackData} are cached; a string that is already the key
     * of a cached button (a keyboard sent again as received) keeps that button's object. The Bot encodes every request
     * through this when arbitrary callback data is on; use it for requests encoded elsewhere (webhook replies).
     */
    public JsonGenerator rewriteKeyboards(JsonGenerator out) {
        return new KeyboardRewriter(Objects.requireNonNull(out, "out"), this);
    }

    /** Caches a keyboard just written; the buttons map is owned by the cache from now on. */
    void register(String keyboardId, Map<String, Object> buttons) {
        lock.lock();
        try {
            keyboards.put(keyboardId, new Keyboard(buttons, clock.instant()));
        } finally {
            lock.unlock();
        }
    }

    /** A new random id: 32 lowercase hex characters (a version 4 UUID without dashes, as PTB's {@code uuid4().hex}). */
    static String newId() {
        UUID u = UUID.randomUUID();
        return HEX.toHexDigits(u.getMostSignificantBits()) + HEX.toHexDigits(u.getLeastSignificantBits());
    }

    /** Whether a string has the shape of a key: exactly 64 lowercase hex characters. */
    static boolean isKey(String s) {
        return s.length() == KEY_LENGTH && isHex(s);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static void requireId(String id, String what) {
        if (id == null || id.length() != ID_LENGTH || !isHex(id)) {
            throw new IllegalArgumentException("Not a callback data " + what + " (32 lowercase hex characters): " + id);
        }
    }

    @Override
    public String toString() {
        return "CallbackDataCache[" + size() + " of " + maxSize + " keyboards]";
    }
}
