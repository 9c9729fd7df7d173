package io.github.lambdainvocation.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the state says was last sent for one invocation id, and what came back.
 *
 * @param id the invocation id
 * @param spec what was sent
 * @param result the function's response payload; null when it was never invoked (a state-only change, Event)
 * @param executedVersion the function version that ran, as Lambda reported it; may be null
 * @param invokedAt when the recorded result was received; may be null
 */
public record RecordedInvocation(String id, InvocationSpec spec, String result, String executedVersion,
        Instant invokedAt) {

    public RecordedInvocation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
    }

    /** A record of {@code spec} that was not invoked (yet). */
    public static RecordedInvocation of(String id, InvocationSpec spec) {
        return new RecordedInvocation(id, spec, null, null, null);
    }

    /** The same record with another result (after a call). */
    public RecordedInvocation withResult(String newResult, String newExecutedVersion, Instant at) {
        return new RecordedInvocation(id, spec, newResult, newExecutedVersion, at);
    }

    public Target target() {
        return spec.target();
    }
}
