package io.github.lambdainvocation.event;

/** Receives the core's events; implementations must be thread-safe (calls run in parallel). */
@FunctionalInterface
public interface Listener {

    void on(Event event);

    /** How long waits tell that they are still under way ({@link Progress#NONE}: not at all). */
    default Progress progress() {
        return Progress.NONE;
    }

    /** A listener that drops everything. */
    Listener NONE = event -> {};
}
