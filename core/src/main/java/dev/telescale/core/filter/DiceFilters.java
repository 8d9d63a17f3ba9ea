package dev.telescale.core.filter;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PTB's {@code filters.Dice}: dice messages by emoji and/or value. Exposed as {@link Filters.Dice}; for any emoji
 * with given values use {@link Filters#dice(int...)}.
 */
class DiceFilters {

    /** Dice messages with any emoji and any value. */
    public static final Filter ALL = Filter.message("Filters.Dice.ALL", m -> m.dice().isPresent());
    /** 🏀, any value. */
    public static final Filter BASKETBALL = emoji("BASKETBALL", "🏀");
    /** 🎳, any value. */
    public static final Filter BOWLING = emoji("BOWLING", "🎳");
    /** 🎯, any value. */
    public static final Filter DARTS = emoji("DARTS", "🎯");
    /** 🎲, any value. */
    public static final Filter DICE = emoji("DICE", "🎲");
    /** ⚽, any value. */
    public static final Filter FOOTBALL = emoji("FOOTBALL", "⚽");
    /** 🎰, any value. */
    public static final Filter SLOT_MACHINE = emoji("SLOT_MACHINE", "🎰");

    DiceFilters() {
    }

    /** 🏀 with one of {@code values} (1–5). */
    public static Filter basketball(int... values) {
        return values("Filters.Dice.basketball", "🏀", values);
    }

    /** 🎳 with one of {@code values} (1–6). */
    public static Filter bowling(int... values) {
        return values("Filters.Dice.bowling", "🎳", values);
    }

    /** 🎯 with one of {@code values} (1–6; 6 is the bull's eye). */
    public static Filter darts(int... values) {
        return values("Filters.Dice.darts", "🎯", values);
    }

    /** 🎲 with one of {@code values} (1–6). */
    public static Filter dice(int... values) {
        return values("Filters.Dice.dice", "🎲", values);
    }

    /** ⚽ with one of {@code values} (1–5). */
    public static Filter football(int... values) {
        return values("Filters.Dice.football", "⚽", values);
    }

    /** 🎰 with one of {@code values} (1–64; 64 is three sevens). */
    public static Filter slotMachine(int... values) {
        return values("Filters.Dice.slotMachine", "🎰", values);
    }

    private static Filter emoji(String constant, String emoji) {
        return Filter.message("Filters.Dice." + constant,
                m -> m.dice().filter(d -> emoji.equals(d.emoji())).isPresent());
    }

    /** Dice with one of {@code values}, and {@code emoji} unless it is null (PTB's {@code Dice(values)}). */
    static Filter values(String factory, String emoji, int... values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException(factory + ": give at least one value (for any value use the "
                    + "constant, e.g. Filters.Dice.ALL or Filters.Dice.DARTS)");
        }
        Set<Long> allowed = Arrays.stream(values).mapToObj(v -> (long) v).collect(Collectors.toUnmodifiableSet());
        String name = factory + Arrays.stream(values).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ", "(", ")"));
        return Filter.message(name, m -> m.dice()
                .filter(d -> (emoji == null || emoji.equals(d.emoji())) && allowed.contains(d.value()))
                .isPresent());
    }
}
