package dev.telescale.testkit;

/**
 * Telegram's flood limits for bots, as the emulator enforces them when asked to
 * ({@code BotApiEmulator.builder().enforceFloodLimits(FloodLimits.telegramDefaults())}): at most
 * {@code perSecondOverall} messages per bot in any sliding 1-second window (or {@code paidPerSecond} for calls with
 * allow_paid_broadcast), {@code perMinutePerGroup} per group, supergroup or channel in any sliding 60-second window,
 * and {@code perSecondPerPrivateChat} per private chat in any sliding 1-second window. A limit of 0 disables it.
 *
 * @param perSecondOverall        messages per bot per second (Telegram: 30)
 * @param perMinutePerGroup       messages per group-like chat per minute (Telegram: 20)
 * @param perSecondPerPrivateChat messages per private chat per second (Telegram: about 1)
 * @param paidPerSecond           messages per second with allow_paid_broadcast (Telegram: 1000)
 */
public record FloodLimits(int perSecondOverall, int perMinutePerGroup, int perSecondPerPrivateChat, int paidPerSecond) {

    public FloodLimits {
        if (perSecondOverall < 0 || perMinutePerGroup < 0 || perSecondPerPrivateChat < 0 || paidPerSecond < 0) {
            throw new IllegalArgumentException("Flood limits are 0 (off) or positive: " + perSecondOverall + ", "
                    + perMinutePerGroup + ", " + perSecondPerPrivateChat + ", " + paidPerSecond);
        }
    }

    /** 30 per second overall, 20 per minute per group, 1 per second per private chat, 1000 per second paid. */
    public static FloodLimits telegramDefaults() {
        return new FloodLimits(30, 20, 1, 1000);
    }

    /** A copy with another overall limit per second. */
    public FloodLimits withPerSecondOverall(int limit) {
        return new FloodLimits(limit, perMinutePerGroup, perSecondPerPrivateChat, paidPerSecond);
    }

    /** A copy with another limit per group per minute. */
    public FloodLimits withPerMinutePerGroup(int limit) {
        return new FloodLimits(perSecondOverall, limit, perSecondPerPrivateChat, paidPerSecond);
    }

    /** A copy with another limit per private chat per second (0: none). */
    public FloodLimits withPerSecondPerPrivateChat(int limit) {
        return new FloodLimits(perSecondOverall, perMinutePerGroup, limit, paidPerSecond);
    }
}
