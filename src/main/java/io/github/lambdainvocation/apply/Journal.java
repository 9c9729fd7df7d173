package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The state of one run and its writes. Every change of the state goes through here, one at a time, from any
 * thread. A call is written as pending before it is sent; outcomes are kept in memory and written with the next
 * pending record, or by {@link #flush()} when no call follows, so each write carries everything done so far.
 */
public final class Journal {

    private final StateStore store;
    private final Map<Action, Integer> applied = new EnumMap<>(Action.class);
    private State state;
    private boolean dirty;
    private int calls;

    public Journal(StateStore store, State initial) {
        this.store = store;
        this.state = initial;
    }

    public synchronized State state() {
        return state;
    }

    /** Records {@code pending} as sent and writes the state (with every outcome not written yet); none: nothing. */
    public synchronized void begin(List<PendingCall> pending) {
        if (pending.isEmpty()) {
            return;
        }
        for (PendingCall call : pending) {
            state = state.withPending(call);
        }
        String ids = pending.stream().map(c -> "'" + c.id() + "'").collect(Collectors.joining(", "));
        write("recording that " + ids + (pending.size() == 1 ? " is" : " are") + " being invoked");
    }

    /** A call of {@code id} succeeded: its pending record goes, {@code outcome} is applied (written later). */
    public synchronized void succeed(String id, UnaryOperator<State> outcome) {
        state = outcome.apply(state).withoutPending(id);
        calls++;
        dirty = true;
    }

    /** A call of {@code id} certainly did not run: its pending record goes. */
    public synchronized void abandon(String id) {
        if (state.pending().containsKey(id)) {
            state = state.withoutPending(id);
            dirty = true;
        }
    }

    /** A change without a call (a forget, a state-only update). */
    public synchronized void change(UnaryOperator<State> change) {
        State next = change.apply(state);
        if (!next.equals(state)) {
            state = next;
            dirty = true;
        }
    }

    /** One change of {@code action} is complete. */
    public synchronized void count(Action action) {
        applied.merge(action, 1, Integer::sum);
    }

    /** Writes what is not written yet. */
    public synchronized void flush() {
        if (dirty) {
            write("recording what was done");
        }
    }

    public synchronized ApplyReport report() {
        Map<Action, Integer> copy = new EnumMap<>(Action.class);
        copy.putAll(applied);
        return new ApplyReport(copy, calls, state);
    }

    private void write(String what) {
        try {
            store.write(state);
            dirty = false;
        } catch (StateException e) {
            throw new ApplyFailedException("The state could not be written while " + what + ": " + e.getMessage()
                    + ". Invocations that succeeded since the last write are not recorded: the next run may invoke"
                    + " them again." + System.lineSeparator() + "Before the failure: " + report().summary() + ".",
                    false, e, report());
        }
    }
}
