package dev.orb.adapter.alpaca;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orb.adapter.alpaca.internal.Sleeper;

/** Records every requested pause and advances the test clock instead of sleeping. */
final class RecordingSleeper implements Sleeper {
    private final TestClock clock;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    RecordingSleeper(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        pauses.add(duration);
        clock.advance(duration);
    }

    List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
