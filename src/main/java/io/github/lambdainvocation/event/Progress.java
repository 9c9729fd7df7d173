package io.github.lambdainvocation.event;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Tells, while something long is under way (a call, a wait for a lock or a function), that it still is: once
 * after {@code first} and then every {@code period}, an event made from the time elapsed so far. One per run, with
 * one daemon thread made on first use; {@link #close} stops it. Each {@link Ticket} tells until it is closed, and
 * never after.
 */
public final class Progress implements AutoCloseable {

    /** The production figures: first after 10 s, then every 30 s. */
    public static final Duration FIRST = Duration.ofSeconds(10);
    public static final Duration PERIOD = Duration.ofSeconds(30);

    /** Tells nothing (tests, and listeners without progress). */
    public static final Progress NONE = new Progress(null, null);

    private final Duration first;
    private final Duration period;
    private ScheduledExecutorService scheduler;
    private boolean closed;

    /**
     * @param first how long something runs before the first line
     * @param period the time between lines after that
     */
    public Progress(Duration first, Duration period) {
        this.first = first;
        this.period = period;
    }

    /** What a progress line of a wait is built from: the time elapsed since it began. */
    @FunctionalInterface
    public interface Line extends Function<Duration, Event> {}

    /** The lines of one thing under way; closing it stops them. */
    public interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    private static final Ticket NO_TICKET = () -> {};

    /** Starts telling {@code events} the event {@code line} makes of the elapsed time, until the ticket is closed. */
    public Ticket start(Listener events, Line line) {
        if (first == null) {
            return NO_TICKET;
        }
        long began = System.nanoTime();
        Telling telling = new Telling(events, line, began);
        synchronized (this) {
            if (closed) {
                return NO_TICKET;
            }
            telling.future = scheduler().scheduleAtFixedRate(telling, first.toNanos(), period.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        return telling;
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "lambda-invocation-progress");
                t.setDaemon(true);
                return t;
            });
            pool.setRemoveOnCancelPolicy(true);
            scheduler = pool;
        }
        return scheduler;
    }

    /** Stops every line and the thread; waits a moment for the thread to end. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            closed = true;
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One ticket: the lock makes a line and the close exclude each other, so no line follows the close. */
    private static final class Telling implements Ticket, Runnable {
        private final Listener events;
        private final Line line;
        private final long began;
        private ScheduledFuture<?> future;
        private boolean stopped;

        Telling(Listener events, Line line, long began) {
            this.events = events;
            this.line = line;
            this.began = began;
        }

        @Override
        public synchronized void run() {
            if (!stopped) {
                events.on(line.apply(Duration.ofNanos(System.nanoTime() - began)));
            }
        }

        @Override
        public synchronized void close() {
            stopped = true;
            if (future != null) {
                future.cancel(false);
            }
        }
    }
}
