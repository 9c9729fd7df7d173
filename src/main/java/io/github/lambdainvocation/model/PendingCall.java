package io.github.lambdainvocation.model;

import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.Target;
import java.time.Instant;

/**
 * A call about to be made, written to the state before it is sent. A run that finds one knows that a build died
 * between sending it and recording its outcome: the outcome is unknown.
 *
 * @param id the invocation id
 * @param target where it was sent
 * @param event create, update, delete or invoke
 * @param payload exactly what was sent, so the same call can be sent again
 * @param invocationType how it was sent
 * @param startedAt when it was sent
 * @param then what to record once it succeeded: this invocation (its result taken from the call), or null to
 *     forget the id (a delete)
 */
public record PendingCall(
        String id,
        Target target,
        String event,
        String payload,
        InvocationType invocationType,
        Instant startedAt,
        RecordedInvocation then) {}
