package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.model.Durations;
import io.github.lambdainvocation.model.Target;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what the AWS SDK throws at a Lambda call into this plugin's {@link LambdaCallException}, whose message
 * says what Lambda answered, what to fix, and whether the function may have run; and answers the questions the
 * retry rules ask of an SDK exception (was it throttling, was a connection ever opened, what did Retry-After say).
 */
final class LambdaFailures {

    private static final Pattern SDK_ATTEMPTS = Pattern.compile(" \\(SDK Attempt Count: \\d+\\)");

    private LambdaFailures() {}

    /** The failure of an Invoke sent {@code attempts} times, the last time answered or failed with {@code e}. */
    static LambdaCallException invokeFailed(Target target, SdkException e, int attempts) {
        return failed(target, e, attempts, true).afterAttempts(attempts);
    }

    /**
     * The failure of a request that runs no function (GetFunction, a DryRun Invoke), sent {@code attempts} times:
     * whatever became of it, the function did not run.
     */
    static LambdaCallException lookFailed(Target target, SdkException e, int attempts) {
        return failed(target, e, attempts, false);
    }

    private static LambdaCallException failed(Target target, SdkException e, int attempts, boolean runs) {
        if (e instanceof AwsServiceException answered) {
            return serviceError(target, answered, attempts, runs);
        }
        return clientError(target, (SdkClientException) e, attempts, runs);
    }

    /** No answer within the call's timeout: the function may still be running. */
    static LambdaCallException noAnswer(Target target, Duration timeout, SdkClientException e) {
        return new LambdaCallException(target, "No answer from " + target.describe() + " within "
                + Durations.describe(timeout) + " (the invocation's {{timeout}}). The function may still be"
                + " running.", true, true, e);
    }

    /** What Lambda answered; {@code runs}: whether the request could run the function (an Invoke, not a DryRun). */
    private static LambdaCallException serviceError(Target target, AwsServiceException e, int attempts,
            boolean runs) {
        String code = errorCode(e);
        boolean clientSide = e.statusCode() >= 400 && e.statusCode() < 500;
        StringBuilder text = new StringBuilder();
        if ("ResourceNotFoundException".equals(code)) {
            text.append("Lambda has no function ").append(target.functionName()).append(" with qualifier ")
                    .append(target.qualifier());
        } else if (e.statusCode() == 403 || (code != null && code.contains("AccessDenied"))) {
            text.append("Access denied to ").append(target.describe())
                    .append(": the credentials need lambda:InvokeFunction on it");
        } else if (isThrottling(e)) {
            text.append("Lambda throttled every one of ").append(attempts).append(" calls to ")
                    .append(target.describe());
        } else if (e.statusCode() == 407) {
            return new LambdaCallException(target, "{{@Proxy}} refused the call to " + target.describe()
                    + " (HTTP 407 Proxy Authentication Required): check {{@proxyCredentials}}. The function did not"
                    + " run.", true, false, e);
        } else if (clientSide) {
            text.append("Lambda refused the call to ").append(target.describe());
        } else {
            text.append("Lambda answered the call to ").append(target.describe()).append(" with a server error");
        }
        if ("ResourceNotFoundException".equals(code) && target.region() != null) {
            text.append(" (region ").append(target.region()).append(")");
        }
        text.append(" — ").append(answer(e));
        boolean mayHaveRun = runs && !clientSide;
        text.append(mayHaveRun ? ". The function may have run." : ". The function did not run.");
        return new LambdaCallException(target, text.toString(), clientSide, mayHaveRun, e);
    }

    /**
     * No answer: no connection could be opened (nothing was sent), or it failed on the way. Only an Invoke that
     * {@code runs} the function may then have run.
     */
    private static LambdaCallException clientError(Target target, SdkClientException e, int attempts,
            boolean runs) {
        if (couldNotConnect(e)) {
            return new LambdaCallException(target, "Could not connect to Lambda for " + target.describe() + " after "
                    + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": " + rootMessage(e)
                    + ". The function did not run.", false, false, e);
        }
        return new LambdaCallException(target, "The call to " + target.describe() + " failed before its answer"
                + " arrived: " + rootMessage(e) + (runs ? ". The function may have run." : ". The function did not"
                + " run."), false, runs, e);
    }

    /**
     * What Lambda answered: {@code Code (HTTP 404): message}; without an error code {@code HTTP 404: message};
     * without a message either, the status line's reason ({@code HTTP 404: Not Found}) or {@code HTTP 404} alone.
     */
    static String answer(AwsServiceException e) {
        String code = errorCode(e);
        String status = "HTTP " + e.statusCode();
        String head = code == null ? status : code + " (" + status + ")";
        String message = serviceMessage(e);
        return message == null ? head : head + ": " + message;
    }

    /** The error message in the answer, else its status line's reason; null when it has neither. */
    private static String serviceMessage(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null) {
            return null;
        }
        if (details.errorMessage() != null && !details.errorMessage().isBlank()) {
            return details.errorMessage();
        }
        return details.sdkHttpResponse() == null ? null
                : details.sdkHttpResponse().statusText().filter(t -> !t.isBlank()).orElse(null);
    }

    /** The error code of the answer ({@code x-amzn-ErrorType} or the body's); null when it has none. */
    static String errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? null : code;
    }

    /** The error code of the answer, else its HTTP status ({@code HTTP 429}). */
    static String errorCodeOrStatus(AwsServiceException e) {
        return errorCode(e) == null ? "HTTP " + e.statusCode() : errorCode(e);
    }

    /**
     * Whether Lambda refused the call for its rate, before running anything: the SDK's own test (HTTP 429, or a
     * throttling error code such as TooManyRequestsException or ThrottlingException), on a 4xx answer only. The
     * SDK also counts EC2ThrottledException, which Lambda answers with HTTP 502 while setting the function up;
     * like any 5xx it is not taken as proof that nothing ran.
     */
    static boolean isThrottling(AwsServiceException e) {
        return e.isThrottlingException() && e.statusCode() >= 400 && e.statusCode() < 500;
    }

    /** True only when the request certainly never left this machine: no connection could be opened. */
    static boolean couldNotConnect(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t.getClass().getName().endsWith(".ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** The wait a {@code Retry-After: <seconds>} header of the answer asks for, if it has one. */
    static Optional<Duration> retryAfter(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null || details.sdkHttpResponse() == null) {
            return Optional.empty();
        }
        return details.sdkHttpResponse().firstMatchingHeader("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException ignored) {
                return Optional.empty();
            }
        });
    }


    /**
     * The exception's message, followed by its root cause's in parentheses when it has one; without the SDK's
     * "(SDK Attempt Count: 1)", which would contradict the attempts this plugin counts (the SDK makes one each).
     */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String text = root == e ? message : e.getMessage() + " (" + message + ")";
        return SDK_ATTEMPTS.matcher(text).replaceAll("");
    }
}
