package io.github.lambdainvocation.model;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** All recorded invocations, by id. Immutable: changes return a new state. */
public final class State {

    /**
     * The format this plugin writes; it reads this one and every older one. A file with a higher number was
     * written by a newer plugin. 2 added pending calls, dependencies and code versions; 3 added the owner, so
     * that a plugin too old to check it refuses the file instead of dropping it.
     */
    public static final int FORMAT_VERSION = 3;

    private static final State EMPTY = new State(null, new TreeMap<>(), new TreeMap<>());

    private final String owner;
    private final SortedMap<String, RecordedInvocation> invocations;
    private final SortedMap<String, PendingCall> pending;

    private State(String owner, SortedMap<String, RecordedInvocation> invocations,
            SortedMap<String, PendingCall> pending) {
        this.owner = owner;
        this.invocations = Collections.unmodifiableSortedMap(invocations);
        this.pending = Collections.unmodifiableSortedMap(pending);
    }

    public static State empty() {
        return EMPTY;
    }

    public static State of(Iterable<RecordedInvocation> records) {
        return of(records, java.util.List.of());
    }

    public static State of(Iterable<RecordedInvocation> records, Iterable<PendingCall> calls) {
        TreeMap<String, RecordedInvocation> map = new TreeMap<>();
        for (RecordedInvocation record : records) {
            map.put(record.id(), record);
        }
        TreeMap<String, PendingCall> pendingMap = new TreeMap<>();
        for (PendingCall call : calls) {
            pendingMap.put(call.id(), call);
        }
        return new State(null, map, pendingMap);
    }

    /**
     * The project whose invocations these are ({@code groupId:artifactId}); empty for a state written before
     * states had owners, and for one no owner has written yet.
     */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** This state, owned by {@code newOwner}. */
    public State ownedBy(String newOwner) {
        return new State(newOwner, new TreeMap<>(invocations), new TreeMap<>(pending));
    }

    /** Calls that were sent but whose outcome was never recorded (a build died), by id. */
    public SortedMap<String, PendingCall> pending() {
        return pending;
    }

    /** This state with {@code call} marked as sent. */
    public State withPending(PendingCall call) {
        TreeMap<String, PendingCall> copy = new TreeMap<>(pending);
        copy.put(call.id(), call);
        return new State(owner, new TreeMap<>(invocations), copy);
    }

    /** This state with no pending call for {@code id}. */
    public State withoutPending(String id) {
        if (!pending.containsKey(id)) {
            return this;
        }
        TreeMap<String, PendingCall> copy = new TreeMap<>(pending);
        copy.remove(id);
        return new State(owner, new TreeMap<>(invocations), copy);
    }

    public Optional<RecordedInvocation> get(String id) {
        return Optional.ofNullable(invocations.get(id));
    }

    public SortedMap<String, RecordedInvocation> invocations() {
        return invocations;
    }

    public boolean isEmpty() {
        return invocations.isEmpty() && pending.isEmpty();
    }

    public State with(RecordedInvocation record) {
        TreeMap<String, RecordedInvocation> copy = new TreeMap<>(invocations);
        copy.put(record.id(), record);
        return new State(owner, copy, new TreeMap<>(pending));
    }

    public State without(String id) {
        if (!invocations.containsKey(id)) {
            return this;
        }
        TreeMap<String, RecordedInvocation> copy = new TreeMap<>(invocations);
        copy.remove(id);
        return new State(owner, copy, new TreeMap<>(pending));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof State s && java.util.Objects.equals(s.owner, owner)
                && s.invocations.equals(invocations) && s.pending.equals(pending);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(owner, invocations, pending);
    }

    @Override
    public String toString() {
        return "State" + invocations.keySet();
    }
}
