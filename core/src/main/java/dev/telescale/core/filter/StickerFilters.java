package dev.telescale.core.filter;

import dev.telescale.api.types.Sticker;
import java.util.function.Predicate;

/**
 * PTB's {@code filters.Sticker}: messages with a sticker, by kind. Exposed as {@link Filters.Sticker}. (Mask and
 * custom emoji stickers never arrive as a message's sticker, so PTB has no filters for them.)
 */
class StickerFilters {

    /** Any sticker. */
    public static final Filter ALL = sticker("ALL", s -> true);
    /** Animated (.TGS) stickers. */
    public static final Filter ANIMATED = sticker("ANIMATED", Sticker::isAnimated);
    /** Static stickers: neither animated nor video. */
    public static final Filter STATIC = sticker("STATIC", s -> !s.isAnimated() && !s.isVideo());
    /** Video (.WEBM) stickers. */
    public static final Filter VIDEO = sticker("VIDEO", Sticker::isVideo);
    /** Stickers with a premium animation. */
    public static final Filter PREMIUM = sticker("PREMIUM", s -> s.premiumAnimation().isPresent());

    StickerFilters() {
    }

    private static Filter sticker(String constant, Predicate<Sticker> test) {
        return Filter.message("Filters.Sticker." + constant, m -> m.sticker().filter(test).isPresent());
    }
}
