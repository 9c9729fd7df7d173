package io.github.lambdainvocation.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.aws.AwsClients;
import io.github.lambdainvocation.aws.AwsSettings;
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
}
