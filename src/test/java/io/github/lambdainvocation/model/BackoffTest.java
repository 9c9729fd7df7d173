package io.github.lambdainvocation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration FIRST = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(20);

    /** The random half at its lowest. */
    private static final Backoff LOWEST = new Backoff(FIRST, CAP, bound -> 0);
    /** The random half at its highest. */
    private static final Backoff HIGHEST = new Backoff(FIRST, CAP, bound -> bound - 1);

    @Test
    void halfOfTheDelayIsFixedAndTheOtherHalfRandom() {
        long[] exponential = {500, 1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000};
        for (int attempt = 1; attempt <= exponential.length; attempt++) {
            long full = exponential[attempt - 1];
            assertThat(LOWEST.delay(attempt)).as("attempt %d, lowest", attempt).isEqualTo(Duration.ofMillis(full / 2));
            assertThat(HIGHEST.delay(attempt)).as("attempt %d, highest", attempt).isEqualTo(Duration.ofMillis(full));
        }
    }

    @Test
    void theRandomSourceIsAskedForTheRandomHalfOnly() {
        List<Long> bounds = new ArrayList<>();
        Backoff recording = new Backoff(FIRST, CAP, bound -> {
            bounds.add(bound);
            return 7;
        });

        assertThat(recording.delay(1)).isEqualTo(Duration.ofMillis(250 + 7));
        assertThat(recording.delay(3)).isEqualTo(Duration.ofMillis(1_000 + 7));

        assertThat(bounds).containsExactly(251L, 1_001L);
    }

    @Test
    void aRandomSourceOutOfItsBoundCannotLeaveTheRange() {
        assertThat(new Backoff(FIRST, CAP, bound -> -5).delay(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(new Backoff(FIRST, CAP, bound -> Long.MAX_VALUE).delay(1)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void retryAfterRaisesTheDelayWithinTheCap() {
        assertThat(LOWEST.delay(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(HIGHEST.delay(4, Optional.of(Duration.ofSeconds(1)))).as("a shorter Retry-After does not shorten it")
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(LOWEST.delay(1, Optional.of(Duration.ofMinutes(5)))).as("capped").isEqualTo(CAP);
        assertThat(LOWEST.delay(1, Optional.empty())).isEqualTo(LOWEST.delay(1));
    }

    @Test
    void aSteadyPollIsTheFirstDelayEqualToTheCap() {
        Backoff poll = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2), bound -> 0);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(poll.delay(attempt)).isEqualTo(Duration.ofSeconds(1));
        }
        assertThat(new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(2), bound -> bound - 1).delay(9))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void manyAttemptsStayAtTheCapWithoutOverflowing() {
        assertThat(HIGHEST.delay(Integer.MAX_VALUE)).isEqualTo(CAP);
        assertThat(new Backoff(Duration.ofDays(365_000), Duration.ofDays(365_000 * 2L), bound -> bound - 1).delay(40))
                .isEqualTo(Duration.ofDays(365_000 * 2L));
    }

    @Test
    void zeroDelaysAreZero() {
        assertThat(new Backoff(Duration.ZERO, Duration.ZERO).delay(3)).isZero();
    }

    @Test
    void withTheDefaultRandomSourceEveryDelayIsWithinItsBounds() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1).toMillis()).isBetween(5L, 10L);
            assertThat(backoff.delay(3).toMillis()).isBetween(20L, 40L);
            assertThat(backoff.delay(6).toMillis()).isBetween(25L, 50L);
        }
    }

    @Test
    void attemptsCountFromOneAndDelaysAreNotNegative() {
        assertThatThrownBy(() -> LOWEST.delay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), CAP)).isInstanceOf(IllegalArgumentException.class);
    }
}
