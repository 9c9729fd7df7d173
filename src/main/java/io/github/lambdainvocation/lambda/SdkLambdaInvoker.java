package io.github.lambdainvocation.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.Console;
import io.github.lambdainvocation.config.Target;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Invokes functions with the AWS SDK for Java v2, one client per region, sharing one HTTP connection pool.
 *
 * <p>An Invoke is never sent twice when the first request may have reached the function (Terraform's bug
 * #45773): the SDK's own retries are off, the HTTP client's too, and this class retries only what certainly
 * did not run: throttling (HTTP 429, which Lambda answers before running anything) and connections that could
 * not be opened.
 */
public final class SdkLambdaInvoker implements LambdaInvoker {

    /** Lambda lets a function run 15 minutes; the read timeout leaves a margin on top. */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(15).plusSeconds(60);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Settings settings;
    private final Console console;
    private final SdkHttpClient http;
    private final Map<String, LambdaClient> clients = new ConcurrentHashMap<>();
    private volatile AwsCredentialsProvider credentials;

    /**
     * How to reach Lambda.
     *
     * @param endpoint an endpoint override (a local emulator), or null for AWS
     * @param credentials a credentials provider, or null for the SDK's default chain
     * @param retry the retry rules for calls that certainly did not run
     * @param readTimeout how long to wait for the function's answer; {@link #READ_TIMEOUT} lets any function
     *     finish
     */
    public record Settings(URI endpoint, AwsCredentialsProvider credentials, RetryRules retry, Duration readTimeout) {

        public Settings(URI endpoint, AwsCredentialsProvider credentials, RetryRules retry) {
            this(endpoint, credentials, retry, READ_TIMEOUT);
        }
    }

    /**
     * At most {@code maxAttempts} requests per invocation, waiting between them with exponential backoff and
     * jitter from {@code firstDelay} up to {@code maxDelay} (or what {@code Retry-After} asks, within that cap).
     */
    public record RetryRules(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        public static final RetryRules DEFAULT = new RetryRules(5, Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    public SdkLambdaInvoker(Settings settings, Console console) {
        this.settings = settings;
        this.console = console;
        this.http = ApacheHttpClient.builder()
                .socketTimeout(settings.readTimeout())
                .connectionTimeout(CONNECT_TIMEOUT)
                .tcpKeepAlive(true)
                .build();
    }

    @Override
    public InvocationResult invoke(Target target, byte[] payload) throws LambdaCallException {
        LambdaClient client = clientFor(target);
        InvokeRequest request = InvokeRequest.builder()
                .functionName(target.functionName())
                .qualifier(target.qualifier())
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromByteArray(payload))
                .build();
        RetryRules retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            try {
                return toResult(target, client.invoke(request), attempt);
            } catch (AwsServiceException e) {
                if (isThrottling(e) && attempt < retry.maxAttempts()) {
                    Duration wait = backoff(attempt, retryAfter(e));
                    console.warn("Lambda throttled the call to " + target.describe() + " (" + errorCode(e)
                            + "); it did not run. Retrying in " + wait.toMillis() + " ms (attempt " + (attempt + 1)
                            + " of " + retry.maxAttempts() + ").");
                    sleep(target, wait);
                    continue;
                }
                throw serviceError(target, e, attempt);
            } catch (SdkClientException e) {
                boolean notSent = couldNotConnect(e);
                if (notSent && attempt < retry.maxAttempts()) {
                    Duration wait = backoff(attempt, Optional.empty());
                    console.warn("Could not connect to Lambda for " + target.describe() + " (" + rootMessage(e)
                            + "); nothing was sent. Retrying in " + wait.toMillis() + " ms (attempt "
                            + (attempt + 1) + " of " + retry.maxAttempts() + ").");
                    sleep(target, wait);
                    continue;
                }
                throw clientError(target, e, attempt, notSent);
            }
        }
    }

    @Override
    public void close() {
        clients.values().forEach(LambdaClient::close);
        clients.clear();
        http.close();
    }

    private LambdaClient clientFor(Target target) {
        Region region = resolveRegion(target);
        AwsCredentialsProvider provider = credentials();
        return clients.computeIfAbsent(region.id(), id -> {
            var builder = LambdaClient.builder()
                    .region(region)
                    .httpClient(http)
                    .credentialsProvider(provider)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            return builder.build();
        });
    }

    private Region resolveRegion(Target target) {
        if (target.region() != null) {
            return Region.of(target.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new LambdaCallException(target, "No AWS region is set for " + target.describe()
                    + ". Set <region> on the invocation or the plugin (or -Dlambda-invocation.region), or the"
                    + " AWS_REGION environment variable, or a region in the AWS config profile. Nothing was invoked.",
                    true, false, e);
        }
    }

    /** Resolved once, before the first call, so a missing credential is a clear error, not a failed Invoke. */
    private AwsCredentialsProvider credentials() {
        AwsCredentialsProvider provider = credentials;
        if (provider == null) {
            synchronized (this) {
                provider = credentials;
                if (provider == null) {
                    provider = settings.credentials() != null
                            ? settings.credentials()
                            : DefaultCredentialsProvider.builder().build();
                    try {
                        provider.resolveCredentials();
                    } catch (SdkException e) {
                        throw new LambdaCallException(null, "No AWS credentials were found: " + rootMessage(e)
                                + ". Set them the usual AWS way (environment, profile, SSO, instance role)."
                                + " Nothing was invoked.", true, false, e);
                    }
                    credentials = provider;
                }
            }
        }
        return provider;
    }

    private static InvocationResult toResult(Target target, InvokeResponse response, int attempts) {
        String body = response.payload() == null ? "" : response.payload().asUtf8String();
        String tail = decodeLog(response.logResult());
        if (response.functionError() != null) {
            String type = null;
            String message = null;
            try {
                JsonNode error = Json.parse(body);
                type = error.path("errorType").isTextual() ? error.get("errorType").asText() : null;
                message = error.path("errorMessage").isTextual() ? error.get("errorMessage").asText() : null;
            } catch (JsonSyntaxException e) {
                message = body;
            }
            throw new FunctionErrorException(target, response.functionError(), type, message, tail, body);
        }
        return new InvocationResult(body, response.executedVersion(), tail, attempts);
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

    private static boolean isThrottling(AwsServiceException e) {
        return e.statusCode() == 429 || "TooManyRequestsException".equals(errorCode(e));
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

    private Duration backoff(int attempt, Optional<Duration> retryAfter) {
        RetryRules rules = settings.retry();
        long cap = rules.maxDelay().toMillis();
        long exponential = Math.min(cap, rules.firstDelay().toMillis() << Math.min(attempt - 1, 20));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        long wanted = retryAfter.map(Duration::toMillis).map(ms -> Math.max(ms, jittered)).orElse(jittered);
        return Duration.ofMillis(Math.min(cap, wanted));
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
            throw new LambdaCallException(target, "Interrupted while waiting to retry " + target.describe()
                    + "; it did not run.", false, false, e);
        }
    }

    private static LambdaCallException serviceError(Target target, AwsServiceException e, int attempts) {
        String code = errorCode(e);
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : e.getMessage();
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
        } else {
            text.append("Lambda refused the call to ").append(target.describe());
        }
        text.append(target.region() == null ? "" : " (region " + target.region() + ")")
                .append(" — ").append(code).append(" (HTTP ").append(e.statusCode()).append("): ").append(message);
        boolean mayHaveRun = !clientSide;
        text.append(mayHaveRun
                ? ". The function may have run; it is not invoked again automatically."
                : ". The function did not run.");
        return new LambdaCallException(target, text.toString(), clientSide, mayHaveRun, e);
    }

    private static LambdaCallException clientError(Target target, SdkClientException e, int attempts,
            boolean notSent) {
        String text = notSent
                ? "Could not connect to Lambda for " + target.describe() + " after " + attempts + " attempt"
                        + (attempts == 1 ? "" : "s") + ": " + rootMessage(e) + ". The function did not run."
                : "The call to " + target.describe() + " failed before its answer arrived: " + rootMessage(e)
                        + ". The function may have run; it is not invoked again automatically, and nothing was"
                        + " recorded for it.";
        return new LambdaCallException(target, text, false, !notSent, e);
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
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
