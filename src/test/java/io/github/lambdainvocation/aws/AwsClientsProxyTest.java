package io.github.lambdainvocation.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.lambda.InvocationResult;
import io.github.lambdainvocation.lambda.LambdaCallException;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.RecordingProxy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maven's {@code <proxy>} as {@link AwsClients} uses it: calls to a non-loopback endpoint go through it with its
 * credentials; loopback endpoints and {@code nonProxyHosts} go direct. The endpoint's made-up host
 * ({@code lambda.example.test}) is never resolved: the client hands the whole URI to the proxy, which forwards
 * it to the local endpoint on 127.0.0.1.
 */
class AwsClientsProxyTest {

    private static final String ACCESS_KEY_ID = "AKIAPROXYTESTEXAMPLE";

    private LocalLambdaServer lambda;
    private RecordingProxy proxy;
    private final List<String> debug = new ArrayList<>();

    private final Console console = new Console() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {
            debug.add(message);
        }
    };

    @BeforeEach
    void start() throws IOException {
        lambda = LocalLambdaServer.start().function("fn");
        proxy = RecordingProxy.start(lambda.port()).requireBasicAuth("proxy-user", "proxy-pass");
    }

    @AfterEach
    void stop() {
        proxy.stop();
        lambda.stop();
    }

    private AwsSettings.ProxySettings mavenProxy(String password, String nonProxyHosts) {
        return new AwsSettings.ProxySettings("http", "127.0.0.1", proxy.port(), "proxy-user", password, nonProxyHosts);
    }

    private SdkLambdaInvoker invoker(String lambdaEndpoint, AwsSettings.ProxySettings mavenProxy) {
        AwsSettings settings = new AwsSettings("us-east-1", null, URI.create(lambdaEndpoint), null, null,
                new AwsSettings.CredentialsSettings(null,
                        new AwsSettings.StaticKeys(ACCESS_KEY_ID, "proxy-test-secret", null, "the test's keys"), null),
                mavenProxy);
        return new SdkLambdaInvoker(new AwsClients(settings, new io.github.lambdainvocation.mojo.MavenEvents(console)), Invokers.FAST, new io.github.lambdainvocation.mojo.MavenEvents(console), true);
    }

    private static InvocationResult invoke(SdkLambdaInvoker invoker, String payload) {
        return invoker.invoke(new Target("fn", "$LATEST", null), payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNonLoopbackEndpointIsReachedThroughTheProxyWithItsCredentials() {
        String endpoint = "http://lambda.example.test:" + lambda.port();
        try (SdkLambdaInvoker invoker = invoker(endpoint, mavenProxy("proxy-pass", null))) {
            assertThat(invoke(invoker, "{\"via\":\"proxy\"}").payload()).isEqualTo("{\"via\":\"proxy\"}");
        }

        // the readiness check, then the call, both as absolute URIs naming the configured host
        assertThat(proxy.requests()).extracting(RecordingProxy.Request::method, RecordingProxy.Request::target)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", endpoint + "/2015-03-31/functions/fn"),
                        org.assertj.core.groups.Tuple.tuple("POST", endpoint + "/2015-03-31/functions/fn/invocations"));
        assertThat(proxy.requests()).allSatisfy(r -> {
            assertThat(r.proxyAuthorization()).isEqualTo(RecordingProxy.basic("proxy-user", "proxy-pass"));
            assertThat(r.host()).isEqualTo("lambda.example.test:" + lambda.port());
            assertThat(r.status()).isEqualTo(200);
        });
        // it reached the function, signed with the configured keys
        assertThat(lambda.payloads("fn")).containsExactly("{\"via\":\"proxy\"}");
        assertThat(lambda.requests().get(0).authorization()).contains("Credential=" + ACCESS_KEY_ID + "/");
        assertThat(debug).contains("AWS calls go through Maven's proxy http://127.0.0.1:" + proxy.port()
                + " as proxy-user");
        assertThat(String.join("\n", debug)).doesNotContain("proxy-pass");
    }

    @Test
    void aWrongProxyPasswordIsRefusedByTheProxyAndNothingReachesLambda() {
        String endpoint = "http://lambda.example.test:" + lambda.port();
        try (SdkLambdaInvoker invoker = invoker(endpoint, mavenProxy("not-the-password", null))) {
            assertThatThrownBy(() -> invoke(invoker, "{}"))
                    .isInstanceOf(LambdaCallException.class)
                    .hasMessageContaining("407")
                    .satisfies(e -> assertThat(((LambdaCallException) e).mayHaveRun()).isFalse());
        }

        assertThat(proxy.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(407));
        assertThat(lambda.requests()).isEmpty();
        assertThat(lambda.getFunctionCalls("fn")).isZero();
    }

    @Test
    void aLoopbackEndpointNeverGoesThroughTheProxy() {
        try (SdkLambdaInvoker invoker = invoker(lambda.endpoint(), mavenProxy("proxy-pass", null))) {
            invoke(invoker, "{\"via\":\"loopback\"}");
        }
        try (SdkLambdaInvoker invoker = invoker("http://localhost:" + lambda.port(),
                mavenProxy("proxy-pass", null))) {
            invoke(invoker, "{\"via\":\"localhost\"}");
        }

        assertThat(proxy.requests()).isEmpty();
        assertThat(lambda.payloads("fn")).containsExactly("{\"via\":\"loopback\"}", "{\"via\":\"localhost\"}");
        assertThat(lambda.getFunctionCalls("fn")).isEqualTo(2);
    }

    /**
     * Maven's list ({@code |} or {@code ,} between hosts, {@code *} for anything) becomes what the SDK's route
     * planner wants: regular expressions it matches against the whole lower-cased host.
     */
    @Test
    void mavensNonProxyHostsBecomeTheSdksPatterns() {
        Set<String> patterns = AwsClients.nonProxyHosts("localhost|*.Example.test, 10.* |");
        assertThat(patterns).hasSize(3);
        assertThat(AwsClients.nonProxyHosts(null)).isEmpty();
        assertThat(AwsClients.nonProxyHosts("*")).singleElement().satisfies(p -> assertThat("any.host").matches(p));

        assertThat(matches(patterns, "localhost")).isTrue();
        assertThat(matches(patterns, "lambda.example.test")).isTrue();
        assertThat(matches(patterns, "a.b.example.test")).isTrue();
        assertThat(matches(patterns, "10.0.0.1")).isTrue();
        // a dot is a dot, and a pattern covers the whole host
        assertThat(matches(patterns, "example.test")).isFalse();
        assertThat(matches(patterns, "lambda-example.test")).isFalse();
        assertThat(matches(patterns, "lambda.example.test.evil.org")).isFalse();
        assertThat(matches(patterns, "100.0.0.1")).isFalse();
        assertThat(matches(patterns, "localhost2")).isFalse();
    }

    /** As the SDK's Apache route planner matches: each pattern against the lower-cased host name. */
    private static boolean matches(Set<String> patterns, String host) {
        return patterns.stream().anyMatch(host.toLowerCase(java.util.Locale.ROOT)::matches);
    }

    /**
     * A host in {@code nonProxyHosts} goes direct. The only non-loopback host that is safe to reach direct here is
     * 0.0.0.0: Linux and macOS deliver a connection to it to this machine's loopback interface (no name is
     * resolved, nothing leaves the machine). Skipped where that does not hold.
     */
    @Test
    void aHostMatchingNonProxyHostsGoesDirect() {
        assumeTrue(zeroAddressReachesLoopback(), "connecting to 0.0.0.0 does not reach 127.0.0.1 here");
        String endpoint = "http://0.0.0.0:" + lambda.port();
        assertThat(AwsClients.isLoopback(URI.create(endpoint))).as("not the loopback rule").isFalse();

        // not listed: through the proxy
        try (SdkLambdaInvoker invoker = invoker(endpoint, mavenProxy("proxy-pass", "*.example.test"))) {
            invoke(invoker, "{\"n\":1}");
        }
        assertThat(proxy.requests()).extracting(RecordingProxy.Request::target).containsExactly(
                endpoint + "/2015-03-31/functions/fn", endpoint + "/2015-03-31/functions/fn/invocations");

        // listed with a wildcard in Maven's syntax: direct
        try (SdkLambdaInvoker invoker = invoker(endpoint, mavenProxy("proxy-pass", "*.example.test|0.0.*"))) {
            invoke(invoker, "{\"n\":2}");
        }
        assertThat(proxy.requests()).hasSize(2);
        assertThat(lambda.payloads("fn")).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    private boolean zeroAddressReachesLoopback() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("0.0.0.0", lambda.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
