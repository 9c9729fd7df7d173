package io.github.lambdainvocation;

import java.util.function.UnaryOperator;

/**
 * The base of the plugin's own failures. {@link #userFixable()} tells the Maven adapter whether the user can fix
 * the cause in their configuration or data (a build failure) or whether something around the build broke (an
 * execution error).
 *
 * <p>The core names the settings a user can change as tokens ({@code {{timeout}}}, {@code {{-acknowledge=id}}}),
 * not in any build tool's syntax; whoever shows the message renders them ({@link #renderWith}).
 */
public class LambdaInvocationException extends RuntimeException {

    private final boolean userFixable;
    private volatile UnaryOperator<String> wording = UnaryOperator.identity();

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

    /** From now on, {@link #getMessage()} is the message rendered by {@code render}. */
    public void renderWith(UnaryOperator<String> render) {
        this.wording = render;
    }

    /** The message with its setting tokens rendered (as they are written, until {@link #renderWith}). */
    @Override
    public String getMessage() {
        String raw = super.getMessage();
        return raw == null ? null : wording.apply(raw);
    }

    /** Renders {@code text} in this exception's wording, for texts that belong with it (its problems). */
    protected String render(String text) {
        return wording.apply(text);
    }
}
