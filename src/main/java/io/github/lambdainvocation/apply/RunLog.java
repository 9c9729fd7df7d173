package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.lambda.FunctionErrorException;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of each change of a plan while it is applied: when it started, how long it took, how many
 * requests it sent, the version that ran, and how it ended. Filled by the {@link ChangeRunner} from the worker
 * threads (thread-safe); read at any time, also while changes still run, by whoever writes the apply report.
 */
public final class RunLog {

    /** How a change ended. */
    public enum Outcome {
        /** Applied. */
        DONE("done"),
        /** Did not succeed, and is known not to have had its effect (or failed before anything was sent). */
        FAILED("failed"),
        /** Nobody knows whether its call ran: no answer arrived, or the run stopped while it was under way. */
        INTERRUPTED("interrupted"),
        /** Not started, because an earlier change failed (or the run stopped first). */
        SKIPPED("skipped");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What kind of failure ended a change. */
    public enum ErrorType {
        /** The function ran and answered with an error. */
        FUNCTION_ERROR("function-error"),
        /** No answer arrived (a timeout, a lost connection): the function may have run. */
        NO_ANSWER("no-answer"),
        /** Lambda refused or failed the call. */
        LAMBDA_ERROR("lambda-error"),
        /** The state could not be read or written (a call that succeeded may not be recorded). */
        STATE_ERROR("state-error"),
        /** Nothing was sent: a check before the call failed (a payload too large, a result it reads, a function not ready). */
        NOT_SENT("not-sent");

        private final String label;

        ErrorType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A failure as the report gives it.
     *
     * @param functionErrorType the error type the function reported (function errors only), else null
     * @param message the message, in the words the user reads (setting tokens left as they are)
     */
    public record Failure(ErrorType type, String functionErrorType, String message) {}

    /**
     * One change as far as it got.
     *
     * @param sensitive whether its messages must not be shown
     * @param start when it started; null when it did not
     * @param duration how long it ran; null while it runs or when it did not start
     * @param attempts the Invoke requests it sent, retries included
     * @param executedVersion the version that ran its last successful call, if Lambda said
     * @param failure why it failed; null otherwise
     */
    public record Entry(String id, Action action, List<String> reasons, boolean sensitive, Instant start,
            Duration duration, int attempts, String executedVersion, Outcome outcome, Failure failure) {
        public Entry {
            reasons = List.copyOf(reasons);
        }
    }

    /** The facts gathered so far about one change. */
    private static final class Facts {
        Action action;
        List<String> reasons;
        boolean sensitive;
        Instant start;
        long startNanos;
        Duration duration;
        int attempts;
        String executedVersion;
        Outcome outcome;
        Failure failure;
    }

    private final Clock clock;
    private final Instant began;
    private final Map<String, Facts> changes = new LinkedHashMap<>();

    /** A log of {@code plan}'s changes, none started yet; a change without anything to do is done already. */
    public RunLog(Plan plan, Clock clock) {
        this.clock = clock;
        this.began = clock.instant();
        for (PlannedChange change : plan.changes()) {
            Facts facts = new Facts();
            facts.action = change.action();
            facts.reasons = change.reasons();
            facts.sensitive = change.sensitive();
            if (change.action() == Action.NO_OP) {
                facts.start = began;
                facts.duration = Duration.ZERO;
                facts.outcome = Outcome.DONE;
            }
            changes.put(change.id(), facts);
        }
    }

    /** When the log began: when applying the plan started. */
    public Instant began() {
        return began;
    }

    /** {@code change} starts now, as decided (a deferred change may have turned out different from its plan). */
    synchronized void started(PlannedChange change) {
        Facts facts = changes.computeIfAbsent(change.id(), id -> new Facts());
        facts.action = change.action();
        facts.reasons = change.reasons();
        facts.sensitive = facts.sensitive || change.sensitive();
        facts.start = clock.instant();
        facts.startNanos = System.nanoTime();
        facts.outcome = null;
    }

    /** A call of change {@code id} succeeded after {@code attempts} requests. */
    synchronized void called(String id, int attempts, String executedVersion) {
        Facts facts = changes.get(id);
        facts.attempts += attempts;
        if (executedVersion != null) {
            facts.executedVersion = executedVersion;
        }
    }

    /** Change {@code id} is applied. */
    synchronized void done(String id) {
        end(changes.get(id), Outcome.DONE, null);
    }

    /** Change {@code id} failed with {@code e}: a call's failure, or one before anything was sent. */
    synchronized void failed(String id, LambdaInvocationException e) {
        Facts facts = changes.get(id);
        if (e instanceof LambdaCallException call) {
            facts.attempts += call.attempts();
            end(facts, call.outcomeUnknown() ? Outcome.INTERRUPTED : Outcome.FAILED, new Failure(typeOf(call),
                    call instanceof FunctionErrorException function ? function.errorType() : null, e.getMessage()));
        } else if (e instanceof StateException) {
            // after a call that succeeded, the state may not say so: the next run finds the call pending
            end(facts, facts.attempts > 0 ? Outcome.INTERRUPTED : Outcome.FAILED,
                    new Failure(ErrorType.STATE_ERROR, null, e.getMessage()));
        } else {
            end(facts, Outcome.FAILED, new Failure(ErrorType.NOT_SENT, null, e.getMessage()));
        }
    }

    private static ErrorType typeOf(LambdaCallException e) {
        if (e instanceof FunctionErrorException) {
            return ErrorType.FUNCTION_ERROR;
        }
        if (e.outcomeUnknown()) {
            return ErrorType.NO_ANSWER;
        }
        return e.attempts() > 0 ? ErrorType.LAMBDA_ERROR : ErrorType.NOT_SENT;
    }

    private void end(Facts facts, Outcome outcome, Failure failure) {
        if (facts.start == null) {
            facts.start = clock.instant();
            facts.startNanos = System.nanoTime();
        }
        facts.duration = Duration.ofNanos(System.nanoTime() - facts.startNanos);
        facts.outcome = outcome;
        facts.failure = failure;
    }

    /**
     * Every change in plan order, as far as it got: one that started and has not ended is {@code interrupted}
     * (the run stopped while it ran), one that never started {@code skipped}.
     */
    public synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Facts> change : changes.entrySet()) {
            String id = change.getKey();
            Facts f = change.getValue();
            Outcome outcome = f.outcome != null ? f.outcome : f.start != null ? Outcome.INTERRUPTED : Outcome.SKIPPED;
            Duration duration = f.duration != null || f.start == null
                    ? f.duration
                    : Duration.ofNanos(System.nanoTime() - f.startNanos);
            entries.add(new Entry(id, f.action, f.reasons, f.sensitive, f.start, duration, f.attempts,
                    f.executedVersion, outcome, f.failure));
        }
        return entries;
    }
}
