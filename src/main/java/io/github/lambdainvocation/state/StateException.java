package io.github.lambdainvocation.state;

import io.github.lambdainvocation.LambdaInvocationException;

/** The state cannot be read or written. */
public class StateException extends LambdaInvocationException {

    public StateException(String message, boolean userFixable) {
        super(message, userFixable);
    }

    public StateException(String message, boolean userFixable, Throwable cause) {
        super(message, userFixable, cause);
    }
}
