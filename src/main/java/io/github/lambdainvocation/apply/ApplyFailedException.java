package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.LambdaInvocationException;

/** Applying a plan stopped; the message says what failed, what had been done and what the state now holds. */
public final class ApplyFailedException extends LambdaInvocationException {

    private final ApplyReport partial;

    public ApplyFailedException(String message, boolean userFixable, Throwable cause, ApplyReport partial) {
        super(message, userFixable, cause);
        this.partial = partial;
    }

    /** What was applied before the failure. */
    public ApplyReport partial() {
        return partial;
    }
}
