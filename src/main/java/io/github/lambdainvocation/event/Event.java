package io.github.lambdainvocation.event;

import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the core tells the user while it works, as data: the Maven side ({@code mojo.MavenEvents}) turns each
 * event into a log line, with the POM element names and {@code -D} hints. Tests of the core assert events.
 */
public sealed interface Event {

    /** Which goal is running, where wording depends on it. */
    enum Goal {
        STATUS,
        INVOKE,
        DESTROY
    }

    // planning

    /** The plan is known; it may be empty. */
    record PlanReady(Plan plan, String stateLocation) implements Event {}

    /** status: another build holds the state's lock. */
    record StateLocked(String stateLocation, String holder) implements Event {}

    /** A call an earlier build sent without recording its outcome; acknowledged ones are recorded as done. */
    record InterruptedCallFound(PendingCall call, boolean acknowledged, Goal goal) implements Event {}

    /** destroy: an id asked for is not recorded. */
    record NothingToDestroy(String id) implements Event {}

    /** status: the plan was written to status.json. */
    record StatusWritten(Path file) implements Event {}

    /** status with planOut: the plan was saved for invoke to apply; {@code digestsOnly}: of sensitive ones. */
    record PlanSaved(Path file, boolean digestsOnly) implements Event {}

    /** invoke with a saved plan: the state, the configuration and the plan are still those saved. */
    record SavedPlanMatches(Path file) implements Event {}

    /** status with verify: one planned call passed its DryRun. */
    record DryRunPassed(String id, String event, Target target) implements Event {}

    /** status with verify: every planned call passed. */
    record Verified(int calls) implements Event {}

    // applying

    /** A change whose input reads results turned out not to change now that they are known. */
    record UnchangedAfterAll(String id) implements Event {}

    /** A call is about to be sent. */
    record CallStarted(String id, String event, Target target, int bytes, boolean async) implements Event {}

    /** A call succeeded (async: Lambda accepted it). */
    record CallDone(String id, String event, Duration took, String executedVersion, boolean async)
            implements Event {}

    /** A call is still running after {@code elapsed}; it waits at most {@code limit} (its timeout). */
    record CallStillRunning(String id, Target target, Duration elapsed, Duration limit) implements Event {}

    /** The function's log tail of a successful call (never for sensitive invocations). */
    record LogTail(String id, String text) implements Event {}

    /** The run applied its plan. */
    record Applied(ApplyReport report) implements Event {}

    /** invoke or destroy wrote what became of each planned change to apply.json. */
    record ApplyReportWritten(Path file) implements Event {}

    /** apply.json could not be written; the run's outcome stands. */
    record ApplyReportNotWritten(Path file, String reason) implements Event {}

    /** The result files of forgotten invocations could not be removed. */
    record ResultFilesNotRemoved(String reason) implements Event {}

    /**
     * An invocation whose last result was not kept (it keeps none, or was switched to keeping it since) was not
     * invoked by this run: nothing of it is handed over.
     */
    record EphemeralResultNotAvailable(String id) implements Event {}

    /** After a failed apply, the results of what did succeed could not be published either. */
    record ResultsNotPublished(String reason) implements Event {}

    /** A state written before states had owners becomes {@code owner}'s with this run's first write. */
    record StateAdopted(String stateLocation, String owner) implements Event {}

    /** A state recorded for {@code from} becomes {@code to}'s, as the run was told to. */
    record StateTakenOver(String stateLocation, String from, String to) implements Event {}

    /** import-state copied a state. */
    record StateImported(int invocations, String from, String to) implements Event {}

    // Lambda

    /** Lambda throttled a call, which did not run; it is sent again after {@code delay}. */
    record Throttled(Target target, String errorCode, Duration delay, int nextAttempt, int maxAttempts)
            implements Event {}

    /** No connection to Lambda could be opened, so nothing was sent; it is tried again after {@code delay}. */
    record ConnectionRefused(Target target, String reason, Duration delay, int nextAttempt, int maxAttempts)
            implements Event {}

    /** A function is not ready yet (state, last update); the first call waits for it. */
    record WaitingForFunction(Target target, String where, Duration timeout) implements Event {}

    /** The wait for a function to be ready goes on after {@code elapsed}, for at most {@code limit}. */
    record StillWaitingForFunction(Target target, Duration elapsed, Duration limit) implements Event {}

    /** A function waited for is ready. */
    record FunctionReady(Target target) implements Event {}

    // AWS and the S3 state

    /** AWS calls go through Maven's proxy (described without its password). */
    record ProxyUsed(String proxy) implements Event {}

    /** Another build holds the S3 state's lock; this one waits up to {@code timeout}. */
    record WaitingForLock(String stateLocation, String holder, Duration timeout) implements Event {}

    /** The wait for the S3 state's lock goes on after {@code elapsed}, for at most {@code limit}. */
    record StillWaitingForLock(String stateLocation, String holder, Duration elapsed, Duration limit)
            implements Event {}

    /** The S3 state's lock was taken. */
    record LockTaken(String lockKey, String lockId) implements Event {}

    /** The S3 state's lock was released. */
    record LockReleased(String lockId) implements Event {}

    /** force-unlock removed a lock. */
    record LockRemoved(String stateLocation, String holder) implements Event {}

    /** The lock this build held was removed by someone else while it ran. */
    record LockLost(String stateLocation, String lockId) implements Event {}
}
