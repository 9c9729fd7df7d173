package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.model.CodeVersion;
import io.github.lambdainvocation.model.Defaults;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.payload.PlannedCall;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run does about one invocation id. Three kinds, each with only what it needs: a {@link Configured}
 * invocation brought in line with its record, a {@link Removal} of a record no longer wanted, a {@link Recovery}
 * of a call an earlier build left with an unknown outcome.
 */
public sealed interface PlannedChange {

    String NEW = "new";
    String REMOVED = "removed";
    String DESTROY = "destroy";

    /** When a change runs: interrupted calls first, then removals, then the configured invocations. */
    enum Phase {
        RECOVER,
        REMOVE,
        APPLY
    }

    String id();

    Action action();

    /** Why: the changed fields, or {@code new}, {@code removed}, {@code destroy}, {@code every run}, ... */
    List<String> reasons();

    /** The invocations to make, in order (may be empty). */
    List<PlannedCall> calls();

    /** The ids of the same phase that must be done before it starts. */
    List<String> after();

    Phase phase();

    /** Whether its input reads results that this run changes first: the exact change is decided when it starts. */
    default boolean deferred() {
        return false;
    }

    /** Whether the state changes when this is applied. */
    default boolean changesState() {
        return action() != Action.NO_OP;
    }

    /** Whether its input, result, errors and logs must not be printed. */
    boolean sensitive();

    /** How its calls are sent. */
    InvocationType invocationType();

    /** How long each of its calls waits for an answer. */
    default Duration timeout() {
        return Defaults.CALL_TIMEOUT;
    }

    /**
     * A configured invocation: created, updated, replaced, refreshed, or unchanged.
     *
     * @param recorded what the state holds now (empty for a create)
     * @param code the function's code version to record (with triggerOnCodeChange); null otherwise
     * @param replaceRequested whether the run asked to replace it
     */
    record Configured(String id, Action action, List<String> reasons, List<PlannedCall> calls,
            Optional<RecordedInvocation> recorded, DesiredInvocation desired, List<String> after, boolean deferred,
            CodeVersion code, boolean replaceRequested) implements PlannedChange {

        public Configured {
            reasons = List.copyOf(reasons);
            calls = List.copyOf(calls);
            after = List.copyOf(after);
            Objects.requireNonNull(desired, "desired");
        }

        /** The same change, to start after {@code ids}. */
        public Configured after(List<String> ids) {
            return new Configured(id, action, reasons, calls, recorded, desired, ids, deferred, code,
                    replaceRequested);
        }

        @Override
        public Phase phase() {
            return Phase.APPLY;
        }

        @Override
        public boolean sensitive() {
            return desired.spec().sensitive() || (recorded.isPresent() && recorded.get().spec().sensitive());
        }

        @Override
        public InvocationType invocationType() {
            return desired.spec().invocationType();
        }

        @Override
        public Duration timeout() {
            return desired.timeout();
        }
    }

    /** A recorded invocation going away: a CRUD delete ({@code calls} has it), or forgotten without a call. */
    record Removal(String id, Action action, List<String> reasons, List<PlannedCall> calls,
            RecordedInvocation recorded, List<String> after) implements PlannedChange {

        public Removal {
            reasons = List.copyOf(reasons);
            calls = List.copyOf(calls);
            after = List.copyOf(after);
        }

        @Override
        public Phase phase() {
            return Phase.REMOVE;
        }

        @Override
        public boolean sensitive() {
            return recorded.spec().sensitive();
        }

        @Override
        public InvocationType invocationType() {
            return InvocationType.RequestResponse;
        }
    }

    /**
     * A call an earlier build sent without recording its outcome: sent again ({@code calls} has it), or recorded
     * as done when acknowledged (no calls).
     *
     * @param recorded what the state holds for the id now, if anything
     */
    record Recovery(List<String> reasons, List<PlannedCall> calls, Optional<RecordedInvocation> recorded,
            PendingCall pending) implements PlannedChange {

        public Recovery {
            reasons = List.copyOf(reasons);
            calls = List.copyOf(calls);
        }

        @Override
        public String id() {
            return pending.id();
        }

        @Override
        public Action action() {
            return Action.INTERRUPTED;
        }

        @Override
        public List<String> after() {
            return List.of();
        }

        @Override
        public Phase phase() {
            return Phase.RECOVER;
        }

        @Override
        public boolean sensitive() {
            return recorded.map(r -> r.spec().sensitive()).orElse(false)
                    || (pending.then() != null && pending.then().spec().sensitive());
        }

        @Override
        public InvocationType invocationType() {
            return pending.invocationType();
        }
    }
}
