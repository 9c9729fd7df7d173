package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.model.Target;

/** The function ran and reported an error ({@code X-Amz-Function-Error}). */
public final class FunctionErrorException extends LambdaCallException {

    private final String errorKind;
    private final String errorType;
    private final String errorMessage;
    private final String logTail;
    private final String payload;

    public FunctionErrorException(Target target, String errorKind, String errorType, String errorMessage,
            String logTail, String payload, boolean sensitive) {
        super(target, sensitive
                ? renderHidden(target, errorKind, errorType, payload)
                : render(target, errorKind, errorType, errorMessage, logTail), true, true, null);
        this.errorKind = errorKind;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.logTail = logTail;
        this.payload = payload;
    }

    /** The function ran and answered with its error: the outcome is known. */
    @Override
    public boolean outcomeUnknown() {
        return false;
    }

    /** {@code Unhandled} or {@code Handled}, as Lambda reported it. */
    public String errorKind() {
        return errorKind;
    }

    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String logTail() {
        return logTail;
    }

    /** The raw error payload the function returned. */
    public String payload() {
        return payload;
    }

    /** For a sensitive invocation: the error type only; message and log may echo the input. */
    private static String renderHidden(Target target, String kind, String type, String payload) {
        return "The function " + target.describe() + " failed (" + kind + " error)" + (type == null ? "" : ": " + type)
                + ". Its error message and log are not shown because the invocation is sensitive (error payload "
                + Digests.sha256(payload) + "); see the function's CloudWatch logs.";
    }

    private static String render(Target target, String kind, String type, String message, String logTail) {
        StringBuilder text = new StringBuilder("The function ").append(target.describe())
                .append(" failed (").append(kind).append(" error): ")
                .append(type == null ? "" : type + ": ")
                .append(message == null ? "(no errorMessage in the error payload)" : message);
        if (logTail != null && !logTail.isBlank()) {
            text.append(System.lineSeparator()).append("Last lines of its log:");
            for (String line : logTail.strip().split("\\R")) {
                text.append(System.lineSeparator()).append("  | ").append(line);
            }
        }
        return text.toString();
    }
}
