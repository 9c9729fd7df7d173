package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.event.Progress;
import io.github.lambdainvocation.model.Durations;
import io.github.lambdainvocation.model.Target;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The wait, before the first call to a function, until it can take the call: {@code Active} (or
 * {@code Inactive}, which a call wakes) and its last update {@code Successful}, looked at with GetFunction the
 * way SDK waiters do, within a bound. A function that failed, or is still not ready at the bound, is reported
 * and nothing is invoked.
 */
final class FunctionReadiness {

    /** The invoker's retry rule: how long to wait before looking again after {@code e}, or empty to give up. */
    interface Retry {
        Optional<Duration> after(Target target, SdkException e, int attempt);
    }

    private final Duration timeout;
    private final Duration poll;
    private final Listener events;
    private final Retry retry;

    /**
     * @param timeout how long the wait may take
     * @param poll how often to look while waiting
     * @param retry when a look that got no answer is made again (a connection that could not be opened)
     */
    FunctionReadiness(Duration timeout, Duration poll, Listener events, Retry retry) {
        this.timeout = timeout;
        this.poll = poll;
        this.events = events;
        this.retry = retry;
    }

    /** Waits until the function can take the call: Active, and its last update Successful. */
    void await(LambdaClient client, Target target) {
        Instant deadline = Instant.now().plus(timeout);
        try (Progress.Ticket ticking = events.progress().start(events, elapsed ->
                new Event.StillWaitingForFunction(target, elapsed, timeout))) {
            awaitUntil(client, target, deadline);
        }
    }

    private void awaitUntil(LambdaClient client, Target target, Instant deadline) {
        boolean told = false;
        while (true) {
            Optional<FunctionConfiguration> looked = configuration(client, target, deadline);
            if (looked.isEmpty()) {
                Pause.sleep(target, poll);
                continue;
            }
            FunctionConfiguration f = looked.get();
            failIfBroken(target, f);
            if (isReady(f)) {
                if (told) {
                    events.on(new Event.FunctionReady(target));
                }
                return;
            }
            String where = "state " + f.stateAsString() + ", last update " + f.lastUpdateStatusAsString();
            if (!Instant.now().isBefore(deadline)) {
                throw stillNotReady(target, where);
            }
            if (!told) {
                events.on(new Event.WaitingForFunction(target, where, timeout));
                told = true;
            }
            Pause.sleep(target, min(poll, Duration.between(Instant.now(), deadline)));
        }
    }

    /**
     * The function's configuration; empty when Lambda throttled the look and there is time to look again. A
     * connection that could not be opened is tried again as {@link #retry} says, the way an Invoke would be.
     */
    private Optional<FunctionConfiguration> configuration(LambdaClient client, Target target, Instant deadline) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(client.getFunction(r -> r.functionName(target.functionName())
                        .qualifier(target.qualifier())).configuration());
            } catch (AwsServiceException e) {
                if (LambdaFailures.isThrottling(e) && Instant.now().isBefore(deadline)) {
                    return Optional.empty();
                }
                throw checkFailed(target, e);
            } catch (SdkClientException e) {
                Optional<Duration> wait = retry.after(target, e, attempt);
                if (wait.isEmpty()) {
                    throw LambdaFailures.lookFailed(target, e, attempt);
                }
                Pause.sleep(target, wait.get());
            }
        }
    }

    /** Why GetFunction failed: a missing permission, an endpoint without GetFunction, or what Lambda said. */
    private static LambdaCallException checkFailed(Target target, AwsServiceException e) {
        String code = LambdaFailures.errorCode(e);
        if (e.statusCode() == 403 || "AccessDeniedException".equals(code)) {
            return new LambdaCallException(target, "Could not check that " + target.describe() + " is ready:"
                    + " the credentials need lambda:GetFunction on it, or set"
                    + " {{waitForFunction=false}} ({{-waitForFunction=false}})."
                    + " Nothing was invoked. (" + LambdaFailures.answer(e) + ")", true, false, e);
        }
        if (e.statusCode() == 404 && !"ResourceNotFoundException".equals(code)) {
            return new LambdaCallException(target, "The readiness check of " + target.describe()
                    + " (GetFunction, used by {{waitForFunction}}) failed with " + LambdaFailures.answer(e)
                    + (code == null ? ", without an error code" : "") + ": the endpoint may implement"
                    + " only Invoke. If so, turn the wait off with {{waitForFunction=false}}"
                    + " ({{-waitForFunction=false}}). Nothing was invoked.", true, false, e);
        }
        return LambdaFailures.lookFailed(target, e, 1);
    }

    /** Throws when the function, or its last update, failed: waiting would not help. */
    private static void failIfBroken(Target target, FunctionConfiguration f) {
        if (f.state() == State.FAILED) {
            throw new LambdaCallException(target, "The function " + target.describe() + " is in state Failed ("
                    + f.stateReasonCodeAsString() + ": " + f.stateReason() + "). Fix the function; nothing was"
                    + " invoked.", true, false, null);
        }
        if (f.lastUpdateStatus() == LastUpdateStatus.FAILED) {
            throw new LambdaCallException(target, "The last update of the function " + target.describe()
                    + " failed (" + f.lastUpdateStatusReasonCodeAsString() + ": " + f.lastUpdateStatusReason()
                    + "). Fix or redeploy the function; nothing was invoked.", true, false, null);
        }
    }

    /** Active (or Inactive, or no state said) and its last update Successful (or none said). */
    private static boolean isReady(FunctionConfiguration f) {
        State state = f.state();
        LastUpdateStatus update = f.lastUpdateStatus();
        boolean active = state == null || state == State.ACTIVE || state == State.INACTIVE;
        boolean updated = update == null || update == LastUpdateStatus.SUCCESSFUL;
        return active && updated;
    }

    private LambdaCallException stillNotReady(Target target, String where) {
        return new LambdaCallException(target, "The function " + target.describe() + " is still not ready ("
                + where + ") after " + Durations.describe(timeout) + " ({{functionWaitTimeout}}). Nothing"
                + " was invoked.", true, false, null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : (b.isNegative() ? Duration.ZERO : b);
    }
}
