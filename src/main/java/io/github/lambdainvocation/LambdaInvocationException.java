package io.github.lambdainvocation;

/**
 * The base of the plugin's own failures. {@link #userFixable()} tells the Maven adapter whether the user can fix
 * the cause in their configuration or data (a build failure) or whether something around the build broke (an
 * execution error).
 */
public class LambdaInvocationException extends RuntimeException {

    private final boolean userFixable;

    public LambdaInvocationException(String message, boolean userFixable) {
        super(message);
        this.userFixable = userFixable;
    }

    public LambdaInvocationException(String message, boolean userFixable, Throwable cause) {
        super(message, cause);
        this.userFixable = userFixable;
    }

    public boolean userFixable() {
        return userFixable;
    }
}
