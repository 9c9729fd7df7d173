package io.github.lambdainvocation.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.testing.FaultProxy;
import io.github.lambdainvocation.testing.FaultProxy.Fault;
import io.github.lambdainvocation.testing.FaultProxy.Kind;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class SdkLambdaInvokerTest {


    private LocalLambdaServer lambda;
    private SdkLambdaInvoker invoker;
    private final List<String> warnings = new ArrayList<>();

    private final Console console = new Console() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void debug(String message) {}
    };

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn");
        invoker = Invokers.of(lambda.endpoint(), console);
    }

    @AfterEach
    void stop() {
        invoker.close();
        lambda.stop();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void invokesSynchronouslySignedWithTheLogTailAndTheQualifier() {
        InvocationResult result = invoker.invoke(new Target("fn", "7", "eu-west-1"), bytes("{\"a\":1}"));

        assertThat(result.payload()).isEqualTo("{\"a\":1}");
        assertThat(result.executedVersion()).isEqualTo("7");
        assertThat(result.logTail()).contains("START RequestId", "END RequestId");
        assertThat(result.attempts()).isEqualTo(1);
        LocalLambdaServer.Request request = lambda.requests().get(0);
        assertThat(request.qualifier()).isEqualTo("7");
        assertThat(request.invocationType()).isEqualTo("RequestResponse");
        assertThat(request.logType()).isEqualTo("Tail");
        assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/eu-west-1/lambda/aws4_request");
    }

    @Test
    void withoutARegionTheSdkChainIsUsed() {
        System.setProperty("aws.region", "ap-southeast-2");
        try {
            invoker.invoke(new Target("fn", "$LATEST", null), bytes("{}"));
        } finally {
            System.clearProperty("aws.region");
        }

        assertThat(lambda.requests().get(0).authorization()).as("the aws.region system property")
                .contains("/ap-southeast-2/lambda/aws4_request");
    }

    @Test
    void aFunctionErrorCarriesTypeMessageAndDecodedLogTail() {
        lambda.enqueue("fn", Reply.functionError("Unhandled", "KeyError", "'tenant_id'",
                "Traceback (most recent call last):\n  File \"handler.py\", line 3"));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                    assertThat(e.errorKind()).isEqualTo("Unhandled");
                    assertThat(e.errorType()).isEqualTo("KeyError");
                    assertThat(e.errorMessage()).isEqualTo("'tenant_id'");
                    assertThat(e.logTail()).contains("Traceback (most recent call last):");
                    assertThat(e.mayHaveRun()).isTrue();
                    assertThat(e.getMessage())
                            .startsWith("The function fn:$LATEST in us-east-1 failed (Unhandled error): KeyError: 'tenant_id'")
                            .contains("  |   File \"handler.py\", line 3");
                });
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void withoutALogTailTheFirstLinesOfTheStackTraceAreShown() {
        lambda.enqueue("fn", Reply.functionError("Unhandled", "KeyError", "'tenant_id'", null)
                .withStackTrace("stackTrace", "  File \"/var/task/handler.py\", line 3, in handler\n"
                        + "    return event['tenant_id']\n")
                .withLogTail(null));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                    assertThat(e.logTail()).isNull();
                    assertThat(e.stackTrace()).containsExactly("  File \"/var/task/handler.py\", line 3, in handler",
                            "    return event['tenant_id']");
                    assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(),
                            "The function fn:$LATEST in us-east-1 failed (Unhandled error): KeyError: 'tenant_id'",
                            "First lines of its stack trace:",
                            "  |   File \"/var/task/handler.py\", line 3, in handler",
                            "  |     return event['tenant_id']"));
                });
    }

    @Test
    void aLongTraceIsCutAfterTenLinesAndAnEmptyLogTailCountsAsNone() {
        String[] trace = new String[12];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = "    at frame" + i + " (/var/task/index.js:" + (i + 1) + ":5)";
        }
        lambda.enqueue("fn", Reply.functionError("Unhandled", "TypeError", "x is undefined", null)
                .withStackTrace("trace", trace)
                .withLogTail(""));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                    assertThat(e.stackTrace()).hasSize(12);
                    List<String> lines = e.getMessage().lines().toList();
                    assertThat(lines).hasSize(1 + 1 + 10 + 1);
                    assertThat(lines.get(1)).isEqualTo("First lines of its stack trace:");
                    assertThat(lines.get(2)).isEqualTo("  |     at frame0 (/var/task/index.js:1:5)");
                    assertThat(lines.get(11)).isEqualTo("  |     at frame9 (/var/task/index.js:10:5)");
                    assertThat(lines.get(12)).isEqualTo("  | ... (2 more lines in the error payload)");
                });
    }

    @Test
    void withALogTailTheStackTraceIsNotShown() {
        lambda.enqueue("fn", Reply.functionError("Unhandled", "KeyError", "'tenant_id'", "Traceback: handler.py")
                .withStackTrace("stackTrace", "  File \"/var/task/handler.py\", line 3, in handler"));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                    assertThat(e.stackTrace()).hasSize(1);
                    assertThat(e.getMessage()).contains("Last lines of its log:", "  | Traceback: handler.py")
                            .doesNotContain("stack trace", "/var/task/handler.py");
                });
    }

    @Test
    void aMissingFunctionNamesFunctionQualifierAndTheServiceMessage() {
        SdkLambdaInvoker.Options noWait = new SdkLambdaInvoker.Options(Invokers.FAST.retry(), false, Duration.ZERO,
                Duration.ZERO);
        for (SdkLambdaInvoker each : List.of(invoker, Invokers.of(lambda.endpoint(), null, noWait, console))) {
            assertThatThrownBy(() -> each.invoke(new Target("nope", "live", "us-east-1"), bytes("{}")))
                    .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                        assertThat(e.userFixable()).isTrue();
                        assertThat(e.mayHaveRun()).isFalse();
                        assertThat(e.getMessage())
                                .startsWith("Lambda has no function nope with qualifier live (region us-east-1)")
                                .contains("ResourceNotFoundException (HTTP 404): Function not found")
                                .endsWith("The function did not run.");
                    });
        }
        assertThat(lambda.requests()).as("with the readiness check, no Invoke was even sent").hasSize(1);
    }

    @Test
    void aReadinessCheckAnsweredWithABare404SaysTheEndpointMayImplementOnlyInvoke() {
        String advice = ": the endpoint may implement only Invoke. If so, turn the wait off with"
                + " <waitForFunction>false</waitForFunction> (-Dlambda-invocation.waitForFunction=false). Nothing was"
                + " invoked.";
        lambda.withoutGetFunction("{\"message\":\"Not Found\"}");
        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                    assertThat(e.userFixable()).isTrue();
                    assertThat(e.mayHaveRun()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("The readiness check of fn:$LATEST in us-east-1 (GetFunction,"
                            + " used by <waitForFunction>) failed with HTTP 404: Not Found, without an error code"
                            + advice);
                });

        lambda.withoutGetFunction("");
        try (SdkLambdaInvoker fresh = Invokers.of(lambda.endpoint(), console)) {
            assertThatThrownBy(() -> fresh.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                    .hasMessage("The readiness check of fn:$LATEST in us-east-1 (GetFunction, used by"
                            + " <waitForFunction>) failed with HTTP 404: Not Found, without an error code" + advice);
        }
        assertThat(lambda.getFunctionCalls("fn")).isEqualTo(2);
        assertThat(lambda.requests()).as("no Invoke was sent").isEmpty();
    }

    @Test
    void anAnswerWithoutAnErrorCodeShowsItsStatusAndNeverNull() {
        SdkLambdaInvoker.Options noWait = new SdkLambdaInvoker.Options(Invokers.FAST.retry(), false, Duration.ZERO,
                Duration.ZERO);
        lambda.enqueue("fn", Reply.bareApiError(404, "{\"message\":\"Not Found\"}"), Reply.bareApiError(500, ""));
        try (SdkLambdaInvoker eager = Invokers.of(lambda.endpoint(), null, noWait, console)) {
            assertThatThrownBy(() -> eager.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                    .hasMessage("Lambda refused the call to fn:$LATEST in us-east-1 — HTTP 404: Not Found. The function"
                            + " did not run.");
            assertThatThrownBy(() -> eager.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                    .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                        assertThat(e.mayHaveRun()).isTrue();
                        assertThat(e.getMessage()).startsWith("Lambda answered the call to fn:$LATEST in us-east-1"
                                + " with a server error — HTTP 500: Internal Server Error.").doesNotContain("null");
                    });
        }
    }

    @Test
    void throttlingIsRetriedBecauseNothingRan() {
        lambda.enqueue("fn", Reply.apiError(429, "TooManyRequestsException", "Rate exceeded"),
                Reply.apiError(429, "TooManyRequestsException", "Rate exceeded"));

        InvocationResult result = invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{\"n\":1}"));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(lambda.requests()).hasSize(3);
        assertThat(lambda.events("fn")).as("the function ran once").hasSize(1);
        assertThat(warnings).hasSize(2).allMatch(w -> w.contains("it did not run. Retrying"));
    }

    @Test
    void throttlingGivesUpAfterTheLastAttempt() {
        for (int i = 0; i < 4; i++) {
            lambda.enqueue("fn", Reply.apiError(429, "TooManyRequestsException", "Rate exceeded"));
        }

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOf(LambdaCallException.class)
                .hasMessageStartingWith("Lambda throttled every one of 4 calls to fn:$LATEST")
                .hasMessageEndingWith("The function did not run.");
        assertThat(lambda.requests()).hasSize(4);
    }

    @Test
    void anyThrottlingCodeTheSdkKnowsIsRetriedWhenLambdaAnsweredWithA4xx() {
        lambda.enqueue("fn", Reply.apiError(400, "ThrottlingException", "Rate exceeded"),
                Reply.apiError(400, "RequestLimitExceeded", "Rate exceeded"));

        InvocationResult result = invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}"));

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(lambda.events("fn")).as("the function ran once").hasSize(1);
        assertThat(warnings).hasSize(2).allMatch(w -> w.contains("it did not run. Retrying"));
    }

    @Test
    void aNonThrottling4xxIsNotRetried() {
        lambda.enqueue("fn", Reply.apiError(400, "InvalidRequestContentException", "Could not parse request body"));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                    assertThat(e.mayHaveRun()).isFalse();
                    assertThat(e.getMessage()).startsWith("Lambda refused the call to fn:$LATEST")
                            .contains("InvalidRequestContentException (HTTP 400): Could not parse request body");
                });
        assertThat(lambda.requests()).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aThrottlingCodeOnA5xxIsNotRetriedBecauseTheFunctionMayHaveRun() {
        // the SDK counts EC2ThrottledException as throttling; Lambda answers it with HTTP 502
        lambda.enqueue("fn", Reply.apiError(502, "EC2ThrottledException", "Lambda was throttled by Amazon EC2"));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                    assertThat(e.mayHaveRun()).isTrue();
                    assertThat(e.getMessage()).startsWith("Lambda answered the call to fn:$LATEST in us-east-1 with a"
                            + " server error — EC2ThrottledException (HTTP 502)");
                });
        assertThat(lambda.requests()).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRequestThatMayHaveReachedTheFunctionIsNeverSentAgain() {
        lambda.enqueue("fn", Reply.hangUp());

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                    assertThat(e.mayHaveRun()).isTrue();
                    assertThat(e.getMessage()).contains("failed before its answer arrived")
                            .endsWith("The function may have run.")
                            .as("what happens next is the caller's to say").doesNotContain("recorded", "again");
                });
        assertThat(lambda.requests()).as("exactly one request: no SDK or HTTP client retry").hasSize(1);
    }

    @Test
    void aServerErrorIsNotRetried() {
        lambda.enqueue("fn", Reply.apiError(500, "ServiceException", "internal"));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                    assertThat(e.userFixable()).isFalse();
                    assertThat(e.mayHaveRun()).isTrue();
                    assertThat(e.getMessage()).contains("ServiceException (HTTP 500): internal");
                    assertThat(e.getMessage()).as("what happens next is the caller's to say")
                            .endsWith("ServiceException (HTTP 500): internal. The function may have run.");
                });
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAsNotRun() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SdkLambdaInvoker nowhere = Invokers.of("http://127.0.0.1:" + closedPort, null,
                new SdkLambdaInvoker.Options(Invokers.FAST.retry(), false, Duration.ZERO, Duration.ZERO), console)) {
            assertThatThrownBy(() -> nowhere.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                    .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                        assertThat(e.mayHaveRun()).isFalse();
                        assertThat(e.getMessage()).startsWith("Could not connect to Lambda for fn:$LATEST in us-east-1 after 4"
                                + " attempts").endsWith("The function did not run.");
                    });
        }
        assertThat(warnings).hasSize(3).allMatch(w -> w.contains("nothing was sent"));
    }

    @Test
    void aRefusedConnectionAtTheReadinessCheckIsRetriedByTheSameRules() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (SdkLambdaInvoker nowhere = Invokers.of("http://127.0.0.1:" + closedPort, console)) {
            assertThatThrownBy(() -> nowhere.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                    .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                        assertThat(e.mayHaveRun()).isFalse();
                        assertThat(e.getMessage()).startsWith("Could not connect to Lambda for fn:$LATEST in"
                                + " us-east-1 after 4 attempts").endsWith("The function did not run.")
                                .as("the SDK's own count (1) is not shown").doesNotContain("SDK Attempt Count");
                    });
        }
        assertThat(warnings).hasSize(3).allMatch(w -> w.contains("nothing was sent"));
    }

    @Test
    void aServerErrorOnARequestThatRunsNothingSaysTheFunctionDidNotRun() throws Exception {
        Target fn = new Target("fn", "$LATEST", "us-east-1");
        try (FaultProxy proxy = FaultProxy.start(lambda.port());
                SdkLambdaInvoker proxied = Invokers.of(proxy.endpoint(), console)) {
            proxy.onGetFunction(Fault.lambdaError(Kind.ANSWER_BEFORE, 500, "ServiceException", "internal"));
            assertDidNotRun(() -> proxied.invoke(fn, bytes("{}")), "ServiceException (HTTP 500): internal");

            proxy.onInvoke(Fault.lambdaError(Kind.ANSWER_BEFORE, 503, "ServiceException", "internal"));
            assertDidNotRun(() -> proxied.dryRun(fn, bytes("{}")), "ServiceException (HTTP 503): internal");
        }
        assertThat(lambda.requests()).as("no Invoke reached the function").isEmpty();
    }

    private static void assertDidNotRun(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String answer) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LambdaCallException.class, e -> {
            assertThat(e.mayHaveRun()).isFalse();
            assertThat(e.getMessage()).endsWith(answer + ". The function did not run.");
        });
    }

    @Test
    void missingCredentialsAreAClearErrorBeforeAnyRequest() {
        try (SdkLambdaInvoker noCredentials = Invokers.of(lambda.endpoint(), () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers");
        }, Invokers.FAST, console)) {
            assertThatThrownBy(() -> noCredentials.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                    .isInstanceOf(LambdaCallException.class)
                    .hasMessageStartingWith("No AWS credentials from the AWS SDK's default chain")
                    .hasMessageContaining("Unable to load credentials from any of the providers")
                    .matches(e -> ((LambdaCallException) e).userFixable());
        }
        assertThat(lambda.requests()).isEmpty();
    }

    @Test
    void aCallThatTimesOutWaitingForTheAnswerMayHaveRunAndIsNotSentAgain() {
        lambda.enqueue("fn", Reply.slow(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}"),
                new CallOptions(Duration.ofMillis(300), false)))
                .isInstanceOfSatisfying(LambdaCallException.class, e -> {
                    assertThat(e.mayHaveRun()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("No answer from fn:$LATEST in us-east-1 within 300 ms (the invocation's"
                            + " <timeout>). The function may still be running.");
                });
        assertThat(lambda.requests()).hasSize(1);
    }

    @Test
    void byDefaultTheAnswerOfAFifteenMinuteFunctionIsAwaited() {
        assertThat(CallOptions.DEFAULT.timeout()).isGreaterThan(Duration.ofMinutes(15));
        assertThat(io.github.lambdainvocation.aws.AwsClients.READ_TIMEOUT).isGreaterThan(CallOptions.DEFAULT.timeout());
    }

    @Test
    void itWaitsForAPendingFunctionOnceThenInvokes() {
        lambda.states("fn", "Pending/InProgress", "Active/InProgress", "Active/Successful");

        invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}"));
        invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}"));

        assertThat(lambda.getFunctionCalls("fn")).as("polled until ready, once per run").isEqualTo(3);
        assertThat(lambda.events("fn")).hasSize(2);
    }

    @Test
    void aFailedFunctionIsAClearErrorAndNothingIsInvoked() {
        lambda.states("fn", "Failed/Failed:The role defined for the function cannot be assumed by Lambda.");

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                .isInstanceOfSatisfying(LambdaCallException.class, e -> assertThat(e.mayHaveRun()).isFalse())
                .hasMessage("The function fn:$LATEST in us-east-1 is in state Failed (InternalError: The role defined for the"
                        + " function cannot be assumed by Lambda.). Fix the function; nothing was invoked.");
        assertThat(lambda.requests()).isEmpty();
    }

    @Test
    void waitingIsBounded() {
        lambda.states("fn", "Active/InProgress");
        try (SdkLambdaInvoker impatient = Invokers.of(lambda.endpoint(), null, new SdkLambdaInvoker.Options(
                Invokers.FAST.retry(), true, Duration.ofMillis(200), Duration.ofMillis(20)), console)) {
            assertThatThrownBy(() -> impatient.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}")))
                    .hasMessage("The function fn:$LATEST in us-east-1 is still not ready (state Active, last update InProgress)"
                            + " after 200 ms (<functionWaitTimeout>). Nothing was invoked.");
        }
        assertThat(lambda.requests()).isEmpty();
    }

    @Test
    void waitingCanBeTurnedOff() {
        lambda.states("fn", "Pending/InProgress");
        try (SdkLambdaInvoker eager = Invokers.of(lambda.endpoint(), null, new SdkLambdaInvoker.Options(
                Invokers.FAST.retry(), false, Duration.ZERO, Duration.ZERO), console)) {
            eager.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{}"));
        }
        assertThat(lambda.getFunctionCalls("fn")).isZero();
        assertThat(lambda.events("fn")).hasSize(1);
    }

    @Test
    void aSensitiveInvocationsErrorShowsItsTypeAndADigestOnly() {
        lambda.enqueue("fn", Reply.functionError("Unhandled", "AuthError", "bad password hunter2 for admin",
                "login with hunter2 failed"));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{\"pw\":\"hunter2\"}"),
                new CallOptions(io.github.lambdainvocation.model.Defaults.CALL_TIMEOUT, true)))
                .isInstanceOf(FunctionErrorException.class)
                .hasMessageStartingWith("The function fn:$LATEST in us-east-1 failed (Unhandled error): AuthError. Its error message"
                        + " and log are not shown because the invocation is sensitive (error payload sha256:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void aSensitiveInvocationsStackTraceIsNotShownEither() {
        lambda.enqueue("fn", Reply.functionError("Unhandled", "AuthError", "bad password hunter2", null)
                .withStackTrace("stackTrace", "  File \"/var/task/login.py\", line 9, in login('hunter2')")
                .withLogTail(null));

        assertThatThrownBy(() -> invoker.invoke(new Target("fn", "$LATEST", "us-east-1"), bytes("{\"pw\":\"hunter2\"}"),
                new CallOptions(io.github.lambdainvocation.model.Defaults.CALL_TIMEOUT, true)))
                .isInstanceOf(FunctionErrorException.class)
                .hasMessageStartingWith("The function fn:$LATEST in us-east-1 failed (Unhandled error): AuthError. Its error message"
                        + " and log are not shown because the invocation is sensitive (error payload sha256:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2", "stack trace", "login.py"));
    }
}
