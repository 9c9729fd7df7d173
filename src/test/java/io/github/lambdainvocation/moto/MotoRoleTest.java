package io.github.lambdainvocation.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.aws.AwsClients;
import io.github.lambdainvocation.aws.AwsSettings;
import io.github.lambdainvocation.model.Access;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.MotoServer;
import io.github.lambdainvocation.testing.RecordingInterceptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** roleArn: the plugin assumes the role with moto's STS and signs its Lambda calls with what STS issued. */
@Tag("moto")
@ExtendWith(MotoServer.class)
class MotoRoleTest {

    @Test
    void callsAreSignedWithTheAssumedRolesCredentials(MotoServer moto) throws Exception {
        RecordingInterceptor wire = new RecordingInterceptor();
        try (LocalLambdaServer lambda = LocalLambdaServer.start().function("fn")) {
            AwsSettings settings = new AwsSettings("eu-west-1", null, URI.create(lambda.endpoint()), null,
                    moto.endpoint(), new AwsSettings.CredentialsSettings(null,
                            new AwsSettings.StaticKeys("AKIABASEEXAMPLE", "base-secret", null, "a test"),
                            new AwsSettings.RoleSettings("arn:aws:iam::123456789012:role/deployer", "ext-42",
                                    "lambda-invocation-test", Duration.ofMinutes(15))),
                    null);
            try (SdkLambdaInvoker invoker = new SdkLambdaInvoker(new AwsClients(settings, io.github.lambdainvocation.event.Listener.NONE, List.of(wire)),
                    Invokers.FAST, io.github.lambdainvocation.event.Listener.NONE, true)) {
                invoker.invoke(new Target("fn", "$LATEST", null), "{}".getBytes(StandardCharsets.UTF_8));
                invoker.invoke(new Target("fn", "$LATEST", null), "{}".getBytes(StandardCharsets.UTF_8));
            }

            LocalLambdaServer.Request call = lambda.requests().get(0);
            assertThat(call.authorization()).as("temporary credentials from STS, not the base keys")
                    .startsWith("AWS4-HMAC-SHA256 Credential=ASIA").doesNotContain("AKIABASEEXAMPLE");
            assertThat(call.securityToken()).isNotBlank();
        }
        List<String> stsCalls = wire.requests().stream()
                .filter(r -> r.host().equals(moto.endpoint().getHost()) && r.port() == moto.endpoint().getPort())
                .map(r -> r.method().name()).toList();
        assertThat(stsCalls).as("one AssumeRole for both calls: the credentials are cached until they expire")
                .containsExactly("POST");
    }

    @Test
    void eachInvocationAssumesTheRoleItNamesOnceAndOneWithoutARoleUsesThePluginsKeys(MotoServer moto)
            throws Exception {
        RecordingInterceptor wire = new RecordingInterceptor();
        Target deployer = new Target("fn", "$LATEST", null,
                Access.of(null, null, "arn:aws:iam::111111111111:role/deployer", "ext-a", null));
        Target auditor = new Target("fn", "$LATEST", null,
                Access.of(null, null, "arn:aws:iam::222222222222:role/auditor", null, null));
        Target plain = new Target("fn", "$LATEST", null);
        List<String> keys = new java.util.ArrayList<>();
        try (LocalLambdaServer lambda = LocalLambdaServer.start().function("fn")) {
            AwsSettings settings = new AwsSettings("eu-west-1", null, URI.create(lambda.endpoint()), null,
                    moto.endpoint(), new AwsSettings.CredentialsSettings(null,
                            new AwsSettings.StaticKeys("AKIABASEEXAMPLE", "base-secret", null, "a test"), null),
                    null);
            try (SdkLambdaInvoker invoker = new SdkLambdaInvoker(new AwsClients(settings,
                    io.github.lambdainvocation.event.Listener.NONE, List.of(wire)), Invokers.FAST,
                    io.github.lambdainvocation.event.Listener.NONE, true)) {
                for (Target target : List.of(deployer, auditor, plain, deployer, auditor)) {
                    invoker.invoke(target, "{}".getBytes(StandardCharsets.UTF_8));
                    keys.add(lambda.requests().get(lambda.requests().size() - 1).authorization()
                            .replaceFirst("^AWS4-HMAC-SHA256 Credential=([^/]+)/.*$", "$1"));
                }
            }
        }
        assertThat(keys.get(0)).as("deployer's role").startsWith("ASIA");
        assertThat(keys.get(1)).as("auditor's role").startsWith("ASIA").isNotEqualTo(keys.get(0));
        assertThat(keys.get(2)).as("no role of its own, none at plugin level").isEqualTo("AKIABASEEXAMPLE");
        assertThat(keys.subList(3, 5)).as("the same credentials again, not assumed anew").isEqualTo(keys.subList(0, 2));
        List<String> stsBodies = wire.requests().stream()
                .filter(r -> r.host().equals(moto.endpoint().getHost()) && r.port() == moto.endpoint().getPort())
                .map(r -> r.method().name()).toList();
        assertThat(stsBodies).as("one AssumeRole per role, whatever the number of calls").hasSize(2);
    }
}
