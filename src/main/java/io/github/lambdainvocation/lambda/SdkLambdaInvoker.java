package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.LambdaInvocationException;
import io.github.lambdainvocation.aws.AwsClients;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.model.Backoff;
import io.github.lambdainvocation.model.Target;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Invokes functions with the AWS SDK for Java v2, through the clients of {@link AwsClients}.
 *
 * <p>An Invoke is never sent twice when the first request may have reached the function (Terraform's bug
 * #45773): the SDK's own retries are off, the HTTP client's too, and this class retries only what certainly
 * did not run: throttling answered with a 4xx status (HTTP 429 TooManyRequestsException, which Lambda answers
 * before running anything) and connections that could not be opened. The readiness check before the first call
 * retries refused connections by the same rules.
 *
 * <p>Before the first call to a function it waits, within a bound, until the function is {@code Active} and its
 * last update {@code Successful}, the way SDK waiters do (a call to a function being updated fails): see
 * {@link FunctionReadiness}. {@link LambdaFailures} words what failed, {@link InvokeResponses} reads the answers.
 */
public final class SdkLambdaInvoker implements LambdaInvoker {

    private final AwsClients aws;
    private final Options options;
    private final Listener events;
    private final boolean ownsClients;
    private final Backoff backoff;
    private final FunctionReadiness readiness;
    private final Set<Target> ready = ConcurrentHashMap.newKeySet();

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
        this.readiness = new FunctionReadiness(options.waitTimeout(), options.waitPoll(), events, this::retryWait);
    }

    @Override
    public InvocationResult invoke(Target target, byte[] payload, CallOptions call) throws LambdaCallException {
        LambdaClient client = clientFor(target);
        if (options.waitForFunction() && ready.add(target)) {
            readiness.await(client, target);
        }
        boolean async = call.type() == io.github.lambdainvocation.model.InvocationType.Event;
        InvokeRequest request = request(target, payload, call, async);
        // Retried here, not by an SDK RetryStrategy (the client's is doNotRetry). The SDK's strategies come with
        // default predicates (AwsRetryStrategy's, which a client also adds to a strategy given to it unless that was
        // built with useClientDefaults(false)) that retry 5xx answers and I/O errors such as a read timeout, after
        // which the function may have run: a retry would invoke it twice (Terraform provider bug #45773). A strategy
        // with only a retryOnException predicate of ours could state the rule, but it is set per client, not per
        // request, and retries out of sight; this loop retries only what certainly did not run (4xx throttling, a
        // connection never opened) and says so at each retry.
        for (int attempt = 1; ; attempt++) {
            try {
                InvokeResponse response = client.invoke(request);
                if (async) {
                    return new InvocationResult(null, null, null, attempt); // queued: no result, ever
                }
                return InvokeResponses.toResult(target, response, attempt, call.sensitive());
            } catch (ApiCallTimeoutException e) {
                throw LambdaFailures.noAnswer(target, call.timeout(), e).afterAttempts(attempt);
            } catch (AwsServiceException | SdkClientException e) {
                Optional<Duration> wait = retryWait(target, e, attempt);
                if (wait.isEmpty()) {
                    throw LambdaFailures.invokeFailed(target, e, attempt);
                }
                Pause.sleep(target, wait.get());
            }
        }
    }

    /** The Invoke request: synchronous with the log's tail, or queued (Event) without it, within the call's timeout. */
    private static InvokeRequest request(Target target, byte[] payload, CallOptions call, boolean async) {
        return InvokeRequest.builder()
                .functionName(target.functionName())
                .qualifier(target.qualifier())
                .invocationType(async ? InvocationType.EVENT : InvocationType.REQUEST_RESPONSE)
                .logType(async ? LogType.NONE : LogType.TAIL)
                .payload(SdkBytes.fromByteArray(payload))
                .clientContext(call.spec() == null ? null : call.spec().clientContextBase64())
                .overrideConfiguration(o -> o.apiCallTimeout(call.timeout()))
                .build();
    }

    /**
     * How long to wait before sending a request (an Invoke, or the readiness check's GetFunction) again after
     * {@code e}, told to the listener; empty when it is not sent again: the attempts are used up, or the function
     * may have run (anything but 4xx throttling and a connection never opened).
     */
    private Optional<Duration> retryWait(Target target, SdkException e, int attempt) {
        int maxAttempts = options.retry().maxAttempts();
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        if (e instanceof AwsServiceException answered && LambdaFailures.isThrottling(answered)) {
            Duration wait = backoff.delay(attempt, LambdaFailures.retryAfter(answered));
            events.on(new Event.Throttled(target, LambdaFailures.errorCodeOrStatus(answered), wait, attempt + 1,
                    maxAttempts));
            return Optional.of(wait);
        }
        if (e instanceof SdkClientException && LambdaFailures.couldNotConnect(e)) {
            Duration wait = backoff.delay(attempt);
            events.on(new Event.ConnectionRefused(target, LambdaFailures.rootMessage(e), wait, attempt + 1,
                    maxAttempts));
            return Optional.of(wait);
        }
        return Optional.empty();
    }

    @Override
    public void prepare(java.util.Map<Target, String> targets) {
        // every region first, then the credentials of every distinct access (each resolved once), then the clients
        targets.forEach((target, what) -> region(target, what + " (" + target.describe() + ")"));
        targets.forEach((target, what) -> {
            try {
                aws.credentials(target.access());
            } catch (LambdaInvocationException e) {
                String message = target.access() != null && target.access().namesCredentials()
                        ? what + ": " + e.getMessage()
                        : e.getMessage();
                throw new LambdaCallException(null, message, e.userFixable(), false, e);
            }
        });
        targets.forEach((target, what) -> clientFor(target, what + " (" + target.describe() + ")"));
    }

    @Override
    public io.github.lambdainvocation.model.CodeVersion codeVersion(Target target) {
        LambdaClient client = clientFor(target);
        try {
            FunctionConfiguration f = client.getFunction(r -> r.functionName(target.functionName())
                    .qualifier(target.qualifier())).configuration();
            return new io.github.lambdainvocation.model.CodeVersion(f.codeSha256(), f.version());
        } catch (AwsServiceException e) {
            if (e.statusCode() == 403 || "AccessDeniedException".equals(LambdaFailures.errorCode(e))) {
                throw new LambdaCallException(target, "Could not read the code version of " + target.describe()
                        + " for {{triggerOnCodeChange}}: the credentials need lambda:GetFunction on it. ("
                        + LambdaFailures.answer(e) + ")", true, false, e);
            }
            throw LambdaFailures.lookFailed(target, e, 1);
        } catch (SdkClientException e) {
            throw LambdaFailures.lookFailed(target, e, 1);
        }
    }

    @Override
    public void dryRun(Target target, byte[] payload) {
        LambdaClient client = clientFor(target);
        try {
            client.invoke(r -> r.functionName(target.functionName()).qualifier(target.qualifier())
                    .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromByteArray(payload)));
        } catch (AwsServiceException | SdkClientException e) {
            throw LambdaFailures.lookFailed(target, e, 1);
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
        Region region = region(target, what);
        try {
            return aws.lambda(region, target.access());
        } catch (LambdaCallException e) {
            throw e;
        } catch (LambdaInvocationException e) {
            throw new LambdaCallException(target, e.getMessage(), e.userFixable(), false, e);
        }
    }

    private Region region(Target target, String what) {
        try {
            return aws.regions().resolve(target.region(), what);
        } catch (LambdaCallException e) {
            throw e;
        } catch (LambdaInvocationException e) {
            throw new LambdaCallException(target, e.getMessage(), e.userFixable(), false, e);
        }
    }
}
