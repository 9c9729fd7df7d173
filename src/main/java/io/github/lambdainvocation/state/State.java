package io.github.lambdainvocation.state;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** All recorded invocations, by id. Immutable: changes return a new state. */
public final class State {

    /** The format this plugin reads and writes; a file with a higher number was written by a newer plugin. */
    public static final int FORMAT_VERSION = 1;

    private static final State EMPTY = new State(new TreeMap<>());

    private final SortedMap<String, RecordedInvocation> invocations;

    private State(SortedMap<String, RecordedInvocation> invocations) {
        this.invocations = Collections.unmodifiableSortedMap(invocations);
    }

    public static State empty() {
        return EMPTY;
    }

    public static State of(Iterable<RecordedInvocation> records) {
        TreeMap<String, RecordedInvocation> map = new TreeMap<>();
        for (RecordedInvocation record : records) {
            map.put(record.id(), record);
        }
        return new State(map);
    }

    public Optional<RecordedInvocation> get(String id) {
        return Optional.ofNullable(invocations.get(id));
    }

    public SortedMap<String, RecordedInvocation> invocations() {
        return invocations;
    }

    public boolean isEmpty() {
        return invocations.isEmpty();
    }

    public State with(RecordedInvocation record) {
        TreeMap<String, RecordedInvocation> copy = new TreeMap<>(invocations);
        copy.put(record.id(), record);
        return new State(copy);
    }

    public State without(String id) {
        if (!invocations.containsKey(id)) {
            return this;
        }
        TreeMap<String, RecordedInvocation> copy = new TreeMap<>(invocations);
        copy.remove(id);
        return new State(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof State s && s.invocations.equals(invocations);
    }

    @Override
    public int hashCode() {
        return invocations.hashCode();
    }

    @Override
    public String toString() {
        return "State" + invocations.keySet();
    }
}
