package io.github.lambdainvocation.model;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * How long to wait before attempt {@code n + 1}: exponential from a first delay, capped, with half jitter (half
 * of the delay fixed, the other half random), so that builds waiting on the same thing do not all come back at
 * the same moment. A steady poll is the same with the first delay equal to the cap.
 */
public final class Backoff {

    /** Past this many doublings the delay is the cap anyway; it keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    private final long firstMillis;
    private final long capMillis;
    private final LongUnaryOperator random;

    /** Half jitter from {@link ThreadLocalRandom}. */
    public Backoff(Duration first, Duration cap) {
        this(first, cap, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    /**
     * @param first the delay after the first attempt (before jitter)
     * @param cap the longest delay, jitter and {@code Retry-After} included
     * @param random given a bound {@code n > 0}, a number in {@code [0, n)}
     */
    public Backoff(Duration first, Duration cap, LongUnaryOperator random) {
        if (first.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("a backoff delay cannot be negative: first " + first + ", cap " + cap);
        }
        this.firstMillis = first.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /** The delay after attempt {@code attempt} (1 for the first) failed. */
    public Duration delay(int attempt) {
        return delay(attempt, Optional.empty());
    }

    /**
     * The delay after attempt {@code attempt} (1 for the first) failed, at least {@code retryAfter} when the
     * answer asked for one, and never more than the cap.
     */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        long exponential = exponential(attempt);
        long fixed = exponential / 2;
        long drawn = random.applyAsLong(exponential - fixed + 1);
        long jittered = fixed + Math.max(0, Math.min(drawn, exponential - fixed));
        long wanted = retryAfter.map(Duration::toMillis).map(ms -> Math.max(ms, jittered)).orElse(jittered);
        return Duration.ofMillis(Math.min(capMillis, wanted));
    }

    private long exponential(int attempt) {
        int doublings = Math.min(attempt - 1, MAX_DOUBLINGS);
        long grown = firstMillis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : firstMillis << doublings;
        return Math.min(capMillis, grown);
    }
}
