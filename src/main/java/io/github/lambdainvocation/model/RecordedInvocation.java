package io.github.lambdainvocation.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the state says was last sent for one invocation id, and what came back.
 *
 * <p>For a spec with {@code keepResult} false, {@link #result()} is the result only in memory, in the run that
 * received it (the state file never holds it, so a record read back has none); {@link #resultSha256()} is what
 * the state keeps. Anything written to a file must take {@link #keptResult()}, never {@link #result()}.
 *
 * @param id the invocation id
 * @param spec what was sent
 * @param result the function's response payload; null when it was never invoked (a state-only change, Event), or
 *     when it is not kept and was not received by this run
 * @param executedVersion the function version that ran, as Lambda reported it; may be null
 * @param invokedAt when the recorded result was received; may be null
 * @param resultSha256 {@link Digests#sha256} of the result (computed whenever the result is known); null when
 *     there is no result
 */
public record RecordedInvocation(String id, InvocationSpec spec, String result, String executedVersion,
        Instant invokedAt, String resultSha256) {

    public RecordedInvocation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        if (result != null) {
            resultSha256 = Digests.sha256(result);
        }
    }

    /** A record whose digest is that of {@code result}. */
    public RecordedInvocation(String id, InvocationSpec spec, String result, String executedVersion,
            Instant invokedAt) {
        this(id, spec, result, executedVersion, invokedAt, null);
    }

    /** A record of {@code spec} that was not invoked (yet). */
    public static RecordedInvocation of(String id, InvocationSpec spec) {
        return new RecordedInvocation(id, spec, null, null, null);
    }

    /** The same record with another result (after a call). */
    public RecordedInvocation withResult(String newResult, String newExecutedVersion, Instant at) {
        return new RecordedInvocation(id, spec, newResult, newExecutedVersion, at);
    }

    /** This record's spec with the result (or only its digest) of {@code previous}. */
    public RecordedInvocation withResultOf(RecordedInvocation previous) {
        return new RecordedInvocation(id, spec, previous.result(), previous.executedVersion(), previous.invokedAt(),
                previous.resultSha256());
    }

    /** The result as the state, status.json, reports and plan files may hold it: null when it is not kept. */
    public String keptResult() {
        return spec.keepResult() ? result : null;
    }

    public Target target() {
        return spec.target();
    }
}
