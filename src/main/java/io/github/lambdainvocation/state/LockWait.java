package io.github.lambdainvocation.state;

import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.event.Progress;
import io.github.lambdainvocation.model.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One build's wait for a state lock another build holds: it is told once, the lock is tried again every poll
 * (with jitter) until the lock timeout, and then {@link StateLockedException} says who holds it and how to
 * remove a lock a dead build left behind. With a zero timeout it fails at the first look.
 */
final class LockWait implements AutoCloseable {

    private final String location;
    private final Duration timeout;
    private final Backoff poll;
    private final Listener events;
    private final Clock clock;
    private final Instant deadline;
    private boolean told;
    private Progress.Ticket ticking;

    /**
     * @param location the state, as the messages name it
     * @param timeout how long to wait for the lock; the wait starts now
     * @param poll the delay between tries
     */
    LockWait(String location, Duration timeout, Backoff poll, Listener events, Clock clock) {
        this.location = location;
        this.timeout = timeout;
        this.poll = poll;
        this.events = events;
        this.clock = clock;
        this.deadline = clock.instant().plus(timeout);
    }

    /** Waits until the next try while {@code holder} holds the lock; throws once the timeout is over. */
    void untilNextTry(LockInfo holder) throws StateLockedException {
        if (!clock.instant().isBefore(deadline)) {
            throw locked(holder);
        }
        if (!told) {
            events.on(new Event.WaitingForLock(location, holder.describe(), timeout));
            told = true;
            ticking = events.progress().start(events, elapsed ->
                    new Event.StillWaitingForLock(location, holder.describe(), elapsed, timeout));
        }
        pause();
    }

    /** The wait is over (the lock was taken, or the wait failed): no more progress lines. */
    @Override
    public void close() {
        if (ticking != null) {
            ticking.close();
        }
    }

    private StateLockedException locked(LockInfo holder) {
        return new StateLockedException("The state " + location + " is locked by " + holder.describe() + "."
                + (timeout.isZero()
                        ? " Another build is using it: run again later, or wait for it with"
                                + " {{-lockTimeout=<seconds>}}."
                        : " Waited " + timeout.toSeconds() + " s for it.")
                + " If that build died and left the lock behind, remove it with: {{:force-unlock}}"
                + " {{-lockId=" + holder.lockId() + "}}", holder);
    }

    private void pause() {
        long jittered = poll.delay(1).toMillis();
        long left = Duration.between(clock.instant(), deadline).toMillis();
        try {
            Thread.sleep(Math.max(1, Math.min(jittered, left)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("Interrupted while waiting for the lock of " + location, false, e);
        }
    }
}
