package io.github.lambdainvocation.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.aws.AwsClients;
import io.github.lambdainvocation.model.Backoff;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Invokes functions with the AWS SDK for Java v2, through the clients of {@link AwsClients}.
 *
 * <p>An Invoke is never sent twice when the first request may have reached the function (Terraform's bug
 * #45773): the SDK's own retries are off, the HTTP client's too, and this class retries only what certainly
 * did not run: throttling answered with a 4xx status (HTTP 429 TooManyRequestsException, which Lambda answers
 * before running anything) and connections that could not be opened.
 *
 * <p>Before the first call to a function it waits, within a bound, until the function is {@code Active} and its
 * last update {@code Successful}, the way SDK waiters do (a call to a function being updated fails).
 */
public final class SdkLambdaInvoker implements LambdaInvoker {

    private final AwsClients aws;
    private final Options options;
    private final Listener events;
    private final boolean ownsClients;
    private final Backoff backoff;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    /**
     * How calls are made.
     *
     * @param retry the retry rules for calls that certainly did not run
     * @param waitForFunction whether to wait for the function to be ready before its first call
     * @param waitTimeout how long that wait may take
     * @param waitPoll how often to look while waiting
     */
    public record Options(RetryRules retry, boolean waitForFunction, Duration waitTimeout, Duration waitPoll) {
        public static final Options DEFAULT =
                new Options(RetryRules.DEFAULT, true, Duration.ofMinutes(5), Duration.ofSeconds(2));

        public Options withRetry(RetryRules rules) {
            return new Options(rules, waitForFunction, waitTimeout, waitPoll);
        }
    }

    /**
     * At most {@code maxAttempts} requests per invocation, waiting between them with exponential backoff and
     * jitter from {@code firstDelay} up to {@code maxDelay} (or what {@code Retry-After} asks, within that cap).
     */
    public record RetryRules(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        public static final RetryRules DEFAULT = new RetryRules(5, Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    /** @param ownsClients whether {@link #close()} closes {@code aws} */
    public SdkLambdaInvoker(AwsClients aws, Options options, Listener events, boolean ownsClients) {
        this.aws = aws;
        this.options = options;
        this.events = events;
        this.ownsClients = ownsClients;
        this.backoff = new Backoff(options.retry().firstDelay(), options.retry().maxDelay());
    }

    @Override
    public InvocationResult invoke(Target target, byte[] payload, CallOptions call) throws LambdaCallException {
        LambdaClient client = clientFor(target);
        if (options.waitForFunction() && ready.add(target.functionName() + ":" + target.qualifier() + ":"
                + target.region())) {
            awaitReady(client, target);
        }
        boolean async = call.type() == io.github.lambdainvocation.model.InvocationType.Event;
        InvokeRequest request = InvokeRequest.builder()
                .functionName(target.functionName())
                .qualifier(target.qualifier())
                .invocationType(async ? InvocationType.EVENT : InvocationType.REQUEST_RESPONSE)
                .logType(async ? LogType.NONE : LogType.TAIL)
                .payload(SdkBytes.fromByteArray(payload))
                .overrideConfiguration(o -> o.apiCallTimeout(call.timeout()))
                .build();
        // Retried here, not by an SDK RetryStrategy (the client's is doNotRetry). The SDK's strategies come with
        // default predicates (AwsRetryStrategy's, which a client also adds to a strategy given to it unless that was
        // built with useClientDefaults(false)) that retry 5xx answers and I/O errors such as a read timeout, after
        // which the function may have run: a retry would invoke it twice (Terraform provider bug #45773). A strategy
        // with only a retryOnException predicate of ours could state the rule, but it is set per client, not per
        // request, and retries out of sight; this loop retries only what certainly did not run (4xx throttling, a
        // connection never opened) and says so at each retry.
        RetryRules retry = options.retry();
        for (int attempt = 1; ; attempt++) {
            try {
                InvokeResponse response = client.invoke(request);
                if (async) {
                    return new InvocationResult(null, null, null, attempt); // queued: no result, ever
                }
                return toResult(target, response, attempt, call.sensitive());
            } catch (AwsServiceException e) {
                if (isThrottling(e) && attempt < retry.maxAttempts()) {
                    Duration wait = backoff.delay(attempt, retryAfter(e));
                    String code = errorCode(e) == null ? "HTTP " + e.statusCode() : errorCode(e);
                    events.on(new Event.Throttled(target, code, wait, attempt + 1, retry.maxAttempts()));
                    sleep(target, wait);
                    continue;
                }
                throw serviceError(target, e, attempt);
            } catch (ApiCallTimeoutException e) {
                throw new LambdaCallException(target, "No answer from " + target.describe() + " within "
                        + seconds(call.timeout()) + " (the invocation's {{timeout}}). The function may still be"
                        + " running.", true, true, e);
            } catch (SdkClientException e) {
                boolean notSent = couldNotConnect(e);
                if (notSent && attempt < retry.maxAttempts()) {
                    Duration wait = backoff.delay(attempt);
                    events.on(new Event.ConnectionRefused(target, rootMessage(e), wait, attempt + 1,
                            retry.maxAttempts()));
                    sleep(target, wait);
                    continue;
                }
                throw clientError(target, e, attempt, notSent);
            }
        }
    }

    @Override
    public void prepare(java.util.Map<Target, String> targets) {
        targets.forEach((target, what) -> clientFor(target, what + " (" + target.describe() + ")"));
        try {
            aws.credentials();
        } catch (LambdaInvocationException e) {
            throw new LambdaCallException(null, e.getMessage(), e.userFixable(), false, e);
        }
    }

    @Override
    public io.github.lambdainvocation.model.CodeVersion codeVersion(Target target) {
        LambdaClient client = clientFor(target);
        try {
            FunctionConfiguration f = client.getFunction(r -> r.functionName(target.functionName())
                    .qualifier(target.qualifier())).configuration();
            return new io.github.lambdainvocation.model.CodeVersion(f.codeSha256(), f.version());
        } catch (AwsServiceException e) {
            if (e.statusCode() == 403 || "AccessDeniedException".equals(errorCode(e))) {
                throw new LambdaCallException(target, "Could not read the code version of " + target.describe()
                        + " for {{triggerOnCodeChange}}: the credentials need lambda:GetFunction on it. ("
                        + answer(e) + ")", true, false, e);
            }
            throw serviceError(target, e, 1);
        } catch (SdkClientException e) {
            throw clientError(target, e, 1, true);
        }
    }

    @Override
    public void dryRun(Target target, byte[] payload) {
        LambdaClient client = clientFor(target);
        try {
            client.invoke(r -> r.functionName(target.functionName()).qualifier(target.qualifier())
                    .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromByteArray(payload)));
        } catch (AwsServiceException e) {
            throw serviceError(target, e, 1);
        } catch (SdkClientException e) {
            throw clientError(target, e, 1, true);
        }
    }

    @Override
    public void close() {
        if (ownsClients) {
            aws.close();
        }
    }

    private LambdaClient clientFor(Target target) {
        return clientFor(target, "the call to " + target.describe());
    }

    private LambdaClient clientFor(Target target, String what) {
        try {
            Region region = aws.regions().resolve(target.region(), what);
            return aws.lambda(region);
        } catch (LambdaCallException e) {
            throw e;
        } catch (LambdaInvocationException e) {
            throw new LambdaCallException(target, e.getMessage(), e.userFixable(), false, e);
        }
    }

    /** Waits until the function can take the call: Active, and its last update Successful. */
    private void awaitReady(LambdaClient client, Target target) {
        Instant deadline = Instant.now().plus(options.waitTimeout());
        boolean told = false;
        while (true) {
            FunctionConfiguration f;
            try {
                f = client.getFunction(r -> r.functionName(target.functionName()).qualifier(target.qualifier()))
                        .configuration();
            } catch (AwsServiceException e) {
                if (isThrottling(e) && Instant.now().isBefore(deadline)) {
                    sleep(target, options.waitPoll());
                    continue;
                }
                if (e.statusCode() == 403 || "AccessDeniedException".equals(errorCode(e))) {
                    throw new LambdaCallException(target, "Could not check that " + target.describe() + " is ready:"
                            + " the credentials need lambda:GetFunction on it, or set"
                            + " {{waitForFunction=false}} ({{-waitForFunction=false}})."
                            + " Nothing was invoked. (" + answer(e) + ")", true, false, e);
                }
                if (e.statusCode() == 404 && !"ResourceNotFoundException".equals(errorCode(e))) {
                    throw new LambdaCallException(target, "The readiness check of " + target.describe()
                            + " (GetFunction, used by {{waitForFunction}}) failed with " + answer(e)
                            + (errorCode(e) == null ? ", without an error code" : "") + ": the endpoint may implement"
                            + " only Invoke. If so, turn the wait off with {{waitForFunction=false}}"
                            + " ({{-waitForFunction=false}}). Nothing was invoked.", true, false, e);
                }
                throw serviceError(target, e, 1);
            } catch (SdkClientException e) {
                throw clientError(target, e, 1, true);
            }
            State state = f.state();
            LastUpdateStatus update = f.lastUpdateStatus();
            if (state == State.FAILED) {
                throw new LambdaCallException(target, "The function " + target.describe() + " is in state Failed ("
                        + f.stateReasonCodeAsString() + ": " + f.stateReason() + "). Fix the function; nothing was"
                        + " invoked.", true, false, null);
            }
            if (update == LastUpdateStatus.FAILED) {
                throw new LambdaCallException(target, "The last update of the function " + target.describe()
                        + " failed (" + f.lastUpdateStatusReasonCodeAsString() + ": " + f.lastUpdateStatusReason()
                        + "). Fix or redeploy the function; nothing was invoked.", true, false, null);
            }
            boolean active = state == null || state == State.ACTIVE || state == State.INACTIVE;
            boolean updated = update == null || update == LastUpdateStatus.SUCCESSFUL;
            if (active && updated) {
                if (told) {
                    events.on(new Event.FunctionReady(target));
                }
                return;
            }
            String where = "state " + f.stateAsString() + ", last update " + f.lastUpdateStatusAsString();
            if (!Instant.now().isBefore(deadline)) {
                throw new LambdaCallException(target, "The function " + target.describe() + " is still not ready ("
                        + where + ") after " + seconds(options.waitTimeout()) + " ({{functionWaitTimeout}}). Nothing"
                        + " was invoked.", true, false, null);
            }
            if (!told) {
                events.on(new Event.WaitingForFunction(target, where, options.waitTimeout()));
                told = true;
            }
            sleep(target, min(options.waitPoll(), Duration.between(Instant.now(), deadline)));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : (b.isNegative() ? Duration.ZERO : b);
    }

    private static InvocationResult toResult(Target target, InvokeResponse response, int attempts,
            boolean sensitive) {
        String body = response.payload() == null ? "" : response.payload().asUtf8String();
        String tail = decodeLog(response.logResult());
        if (response.functionError() != null) {
            String type = null;
            String message = null;
            List<String> trace = List.of();
            try {
                JsonNode error = Json.parse(body);
                type = error.path("errorType").isTextual() ? error.get("errorType").asText() : null;
                message = error.path("errorMessage").isTextual() ? error.get("errorMessage").asText() : null;
                trace = stackTrace(error);
            } catch (JsonSyntaxException e) {
                message = body;
            }
            throw new FunctionErrorException(target, response.functionError(), type, message, tail, trace, body,
                    sensitive);
        }
        return new InvocationResult(body, response.executedVersion(), tail, attempts);
    }

    /**
     * The lines of the error payload's {@code stackTrace} (Python, Java) or {@code trace} (Node.js) array. An
     * entry may hold several lines (Python's do); one that is not text (older runtimes sent arrays such as
     * {@code [file, line, function, code]}) is shown as its JSON.
     */
    private static List<String> stackTrace(JsonNode error) {
        JsonNode trace = error.path("stackTrace").isArray() ? error.get("stackTrace") : error.path("trace");
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : trace) {
            String text = entry.isTextual() ? entry.asText() : Json.write(entry);
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.stripTrailing());
                }
            }
        }
        return lines;
    }

    private static String decodeLog(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether Lambda refused the call for its rate, before running anything: the SDK's own test (HTTP 429, or a
     * throttling error code such as TooManyRequestsException or ThrottlingException), on a 4xx answer only. The
     * SDK also counts EC2ThrottledException, which Lambda answers with HTTP 502 while setting the function up;
     * like any 5xx it is not taken as proof that nothing ran.
     */
    private static boolean isThrottling(AwsServiceException e) {
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

    private static Optional<Duration> retryAfter(AwsServiceException e) {
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

    private static void sleep(Target target, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaCallException(target, "Interrupted while waiting to call " + target.describe()
                    + "; it did not run.", false, false, e);
        }
    }

    private static LambdaCallException serviceError(Target target, AwsServiceException e, int attempts) {
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
        } else {
            text.append("Lambda refused the call to ").append(target.describe());
        }
        if ("ResourceNotFoundException".equals(code) && target.region() != null) {
            text.append(" (region ").append(target.region()).append(")");
        }
        text.append(" — ").append(answer(e));
        boolean mayHaveRun = !clientSide;
        text.append(mayHaveRun ? ". The function may have run." : ". The function did not run.");
        return new LambdaCallException(target, text.toString(), clientSide, mayHaveRun, e);
    }

    private static LambdaCallException clientError(Target target, SdkClientException e, int attempts,
            boolean notSent) {
        String text = notSent
                ? "Could not connect to Lambda for " + target.describe() + " after " + attempts + " attempt"
                        + (attempts == 1 ? "" : "s") + ": " + rootMessage(e) + ". The function did not run."
                : "The call to " + target.describe() + " failed before its answer arrived: " + rootMessage(e)
                        + ". The function may have run.";
        return new LambdaCallException(target, text, false, !notSent, e);
    }

    /**
     * What Lambda answered: {@code Code (HTTP 404): message}; without an error code {@code HTTP 404: message};
     * without a message either, the status line's reason ({@code HTTP 404: Not Found}) or {@code HTTP 404} alone.
     */
    private static String answer(AwsServiceException e) {
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
    private static String errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? null : code;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }
}
