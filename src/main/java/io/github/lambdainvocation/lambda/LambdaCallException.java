package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.config.Target;

/**
 * An invocation that did not succeed: Lambda refused it, the function failed, or no answer arrived.
 * {@link #mayHaveRun()} says whether the function might have run despite the failure.
 */
public class LambdaCallException extends LambdaInvocationException {

    private final Target target;
    private final boolean mayHaveRun;

    public LambdaCallException(Target target, String message, boolean userFixable, boolean mayHaveRun,
            Throwable cause) {
        super(message, userFixable, cause);
        this.target = target;
        this.mayHaveRun = mayHaveRun;
    }

    public Target target() {
        return target;
    }

    public boolean mayHaveRun() {
        return mayHaveRun;
    }
}
