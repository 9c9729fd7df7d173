package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.model.Target;

/**
 * An invocation that did not succeed: Lambda refused it, the function failed, or no answer arrived.
 * {@link #mayHaveRun()} says whether the function might have run despite the failure.
 */
public class LambdaCallException extends LambdaInvocationException {

    private final Target target;
    private final boolean mayHaveRun;
    private volatile int attempts;

    public LambdaCallException(Target target, String message, boolean userFixable, boolean mayHaveRun,
            Throwable cause) {
        super(message, userFixable, cause);
        this.target = target;
        this.mayHaveRun = mayHaveRun;
    }

    /** How many Invoke requests were sent before this failure (retries included); 0 when none was. */
    public int attempts() {
        return attempts;
    }

    /** This failure, said to have come after {@code sent} Invoke requests. */
    public LambdaCallException afterAttempts(int sent) {
        this.attempts = sent;
        return this;
    }

    public Target target() {
        return target;
    }

    public boolean mayHaveRun() {
        return mayHaveRun;
    }

    /**
     * Whether nobody knows how the call ended: it may have run and no answer arrived (a timeout, a lost
     * connection). Such a call stays recorded as pending, so the next run can say so.
     */
    public boolean outcomeUnknown() {
        return mayHaveRun;
    }
}
