package dev.telescale.core.updater;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records the pauses asked for and sleeps a fixed real time (zero by default). */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final Duration realSleep;

    RecordingSleeper() {
        this(Duration.ZERO);
    }

    RecordingSleeper(Duration realSleep) {
        this.realSleep = realSleep;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        pauses.add(duration);
        if (!realSleep.isZero()) {
            Thread.sleep(realSleep);
        }
    }

    /** The pauses asked for so far, zero ones (after successful polls) left out. */
    List<Duration> errorPauses() {
        return pauses.stream().filter(d -> !d.isZero()).toList();
    }

    List<Duration> all() {
        return List.copyOf(pauses);
    }
}
