package io.github.lambdainvocation.testing;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.aws.AwsClients;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** SDK invokers for tests, against a local endpoint. */
public final class Invokers {

    /** Quick retries and a quick readiness poll, so tests of those paths take milliseconds. */
    public static final SdkLambdaInvoker.Options FAST = new SdkLambdaInvoker.Options(
            new SdkLambdaInvoker.RetryRules(4, Duration.ofMillis(10), Duration.ofMillis(50)), true,
            Duration.ofSeconds(5), Duration.ofMillis(20));

    private Invokers() {}

    /** An invoker of {@code endpoint}; {@code credentials} null means the SDK's chain (the test environment's keys). */
    public static SdkLambdaInvoker of(String endpoint, AwsCredentialsProvider credentials,
            SdkLambdaInvoker.Options options, Console console) {
        return new SdkLambdaInvoker(AwsClients.forEndpoint(URI.create(endpoint), credentials, new io.github.lambdainvocation.mojo.MavenEvents(console)), options,
                new io.github.lambdainvocation.mojo.MavenEvents(console), true);
    }

    public static SdkLambdaInvoker of(String endpoint, Console console) {
        return of(endpoint, null, FAST, console);
    }
}
