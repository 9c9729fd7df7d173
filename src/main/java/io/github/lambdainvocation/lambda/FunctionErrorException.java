package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.model.Lines;
import io.github.lambdainvocation.model.Target;
import java.util.List;

/** The function ran and reported an error ({@code X-Amz-Function-Error}). */
public final class FunctionErrorException extends LambdaCallException {

    /** How much of a stack trace is shown when there is no log tail. */
    static final int STACK_TRACE_LINES = 10;

    private final String errorKind;
    private final String errorType;
    private final String errorMessage;
    private final String logTail;
    private final List<String> stackTrace;
    private final String payload;

    /** Without a stack trace. */
    public FunctionErrorException(Target target, String errorKind, String errorType, String errorMessage,
            String logTail, String payload, boolean sensitive) {
        this(target, errorKind, errorType, errorMessage, logTail, List.of(), payload, sensitive);
    }

    /** @param stackTrace the lines of the error payload's stack trace, first first; empty when it had none */
    public FunctionErrorException(Target target, String errorKind, String errorType, String errorMessage,
            String logTail, List<String> stackTrace, String payload, boolean sensitive) {
        super(target, sensitive
                ? renderHidden(target, errorKind, errorType, payload)
                : render(target, errorKind, errorType, errorMessage, logTail, orNone(stackTrace)), true, true, null);
        this.errorKind = errorKind;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.logTail = logTail;
        this.stackTrace = List.copyOf(orNone(stackTrace));
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

    /** The lines of the stack trace in the error payload ({@code stackTrace} or {@code trace}); empty when none. */
    public List<String> stackTrace() {
        return stackTrace;
    }

    /** The raw error payload the function returned. */
    public String payload() {
        return payload;
    }

    private static List<String> orNone(List<String> lines) {
        return lines == null ? List.of() : lines;
    }

    /** For a sensitive invocation: the error type only; message and log may echo the input. */
    private static String renderHidden(Target target, String kind, String type, String payload) {
        return "The function " + target.describe() + " failed (" + kind + " error)" + (type == null ? "" : ": " + type)
                + ". Its error message and log are not shown because the invocation is sensitive (error payload "
                + Digests.sha256(payload) + "); see the function's CloudWatch logs.";
    }

    /**
     * The error, then the log tail Lambda sent; without one (or with an empty one), the first lines of the
     * stack trace in the error payload instead.
     */
    private static String render(Target target, String kind, String type, String message, String logTail,
            List<String> stackTrace) {
        StringBuilder text = new StringBuilder("The function ").append(target.describe())
                .append(" failed (").append(kind).append(" error): ")
                .append(type == null ? "" : type + ": ")
                .append(message == null ? "(no errorMessage in the error payload)" : message);
        if (logTail != null && !logTail.isBlank()) {
            text.append(System.lineSeparator()).append("Last lines of its log:").append(System.lineSeparator())
                    .append(Lines.indented(Lines.of(logTail)));
        } else if (!stackTrace.isEmpty()) {
            text.append(System.lineSeparator()).append("First lines of its stack trace:");
            text.append(System.lineSeparator())
                    .append(Lines.indented(stackTrace.subList(0, Math.min(STACK_TRACE_LINES, stackTrace.size()))));
            if (stackTrace.size() > STACK_TRACE_LINES) {
                text.append(System.lineSeparator()).append("  | ... (").append(stackTrace.size() - STACK_TRACE_LINES)
                        .append(" more lines in the error payload)");
            }
        }
        return text.toString();
    }
}
