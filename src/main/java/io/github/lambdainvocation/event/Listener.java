package io.github.lambdainvocation.event;

/** Receives the core's events; implementations must be thread-safe (calls run in parallel). */
@FunctionalInterface
public interface Listener {

    void on(Event event);

    /** A listener that drops everything. */
    Listener NONE = event -> {};
}
