package dev.telescale.benchmarks.broadcast;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The figures of one broadcast run, from the emulator's own record of the calls it accepted (their
 * {@code System.nanoTime()} at admission, the clock its flood windows use).
 *
 * @param mode            how it was paced
 * @param messages        messages the broadcast tried to send
 * @param accepted        messages the emulator accepted
 * @param hits429         429 answers the emulator gave (must be 0 for a limiter that keeps the limits)
 * @param failed          sends that ended in an error at the sender (with no retries: the 429s, i.e. lost messages)
 * @param spanSeconds     first accepted to last accepted
 * @param wallSeconds     broadcast start to the last send's return, at the sender
 * @param minimumSeconds  the least possible span for {@code accepted} messages under the emulator's window
 * @param maxPerSecondBin the most accepted in one 1 s bin counted from the first accepted call
 * @param maxSlidingWindow the most accepted in any sliding 1 s window (the emulator's own rule: (t − 1 s, t])
 */
record BroadcastResult(BroadcastMode mode, int messages, int accepted, long hits429, int failed, double spanSeconds,
                       double wallSeconds, double minimumSeconds, int maxPerSecondBin, int maxSlidingWindow) {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /**
     * The emulator accepts a call when fewer than {@code perSecond} accepted calls lie in (now − 1 s, now]. The
     * fastest schedule is {@code perSecond} calls at t = 0, as many at t = 1 s (the first ones have just left the
     * window), and so on: call k (from 0) no earlier than floor(k / perSecond) s, so the last of {@code n} at
     * floor((n − 1) / perSecond) s = ceil(n / perSecond) − 1 s (333 s for 10,000 at 30/s).
     */
    static double minimumSeconds(int n, int perSecond) {
        return n <= 0 ? 0 : (double) ((n - 1) / perSecond);   // whole seconds: integer division is the floor
    }

    static BroadcastResult of(BroadcastMode mode, int messages, List<Long> acceptedNanos, long hits429, int failed,
                              long wallNanos, int perSecond) {
        List<Long> t = acceptedNanos.stream().sorted().toList();
        double span = t.size() < 2 ? 0 : (t.getLast() - t.getFirst()) / 1e9;
        int maxBin = 0;
        int maxWindow = 0;
        if (!t.isEmpty()) {
            long first = t.getFirst();
            int[] bins = new int[(int) ((t.getLast() - first) / SECOND) + 1];
            for (long x : t) {
                maxBin = Math.max(maxBin, ++bins[(int) ((x - first) / SECOND)]);
            }
            int from = 0;
            for (int i = 0; i < t.size(); i++) {
                while (t.get(from) <= t.get(i) - SECOND) {
                    from++;
                }
                maxWindow = Math.max(maxWindow, i - from + 1);
            }
        }
        return new BroadcastResult(mode, messages, t.size(), hits429, failed, span, wallNanos / 1e9,
                minimumSeconds(t.size(), perSecond), maxBin, maxWindow);
    }

    /** Span over the minimum: 1.00 is the best any sender can do. */
    double ratio() {
        return minimumSeconds == 0 ? Double.NaN : spanSeconds / minimumSeconds;
    }
}
