package io.github.lambdainvocation.moto;

import io.github.lambdainvocation.event.Listener;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.engine.RunOutcome;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The plugin's core against moto_server, an independent emulator of the Lambda API: the wire format the AWS SDK
 * produces for our calls must be one a real peer accepts. Moto's Lambda (without Docker) echoes each request
 * payload as the result, so the results show exactly what the function received.
 */
@Tag("moto")
@ExtendWith(MotoServer.class)
class MotoCompatibilityTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @TempDir
    Path dir;

    private MotoServer moto;
    private String function;

    @BeforeEach
    void createFunction(MotoServer moto) throws Exception {
        this.moto = moto;
        moto.post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
        function = "compat-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] zip = handlerZip();
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                        .credentialsProvider(CREDENTIALS).build();
                LambdaClient lambda = LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(CREDENTIALS).build()) {
            String role = iam.createRole(r -> r.roleName(function + "-role").assumeRolePolicyDocument("{}"))
                    .role().arn();
            lambda.createFunction(f -> f.functionName(function).runtime(Runtime.PYTHON3_12).role(role)
                    .handler("index.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        }
    }

    private InvocationEngine engine() {
        return new InvocationEngine(new LocalStateStore(dir.resolve("state.json")),
                () -> Invokers.of(moto.endpoint().toString(), CREDENTIALS, SdkLambdaInvoker.Options.DEFAULT,
                        Console.SILENT), Listener.NONE, Clock.systemUTC(),
                dir.resolve("out"));
    }

    private List<DesiredInvocation> crud(String databaseUrl) {
        return new InvocationValidator("us-east-1", dir).validate(List.of(InvocationSettings.withId("database-setup")
                .functionName(function).lifecycleScope("CRUD")
                .input("{\"resource_name\": \"database_setup\", \"database_url\": \"" + databaseUrl + "\","
                        + " \"credentials\": {\"username\": \"admin\", \"password\": \"secret123\"}}")));
    }

    @Test
    void crudLifecycle() throws Exception {
        String oldInput = "{\"resource_name\":\"database_setup\",\"database_url\":\"mydb.cluster-xyz:5432\","
                + "\"credentials\":{\"username\":\"admin\",\"password\":\"secret123\"}}";
        String newInput = oldInput.replace("mydb.cluster-xyz", "mydb-new.cluster-abc");

        RunOutcome created = engine().invoke(crud("mydb.cluster-xyz:5432"), false);
        assertThat(Json.parse(created.results().get("lambda-invocation.database-setup.result"))).isEqualTo(Json.parse(
                oldInput.replaceFirst("}$", ",\"tf\":{\"action\":\"create\",\"prev_input\":null}}")));

        RunOutcome unchanged = engine().invoke(crud("mydb.cluster-xyz:5432"), false);
        assertThat(unchanged.report().calls()).isZero();

        RunOutcome updated = engine().invoke(crud("mydb-new.cluster-abc:5432"), false);
        assertThat(updated.report().calls()).isEqualTo(1);
        assertThat(Json.parse(updated.results().get("lambda-invocation.database-setup.result"))).isEqualTo(Json.parse(
                newInput.replaceFirst("}$", ",\"tf\":{\"action\":\"update\",\"prev_input\":" + oldInput + "}}")));

        RunOutcome destroyed = engine().destroy(List.of("database-setup"), Set.of(), false);
        assertThat(destroyed.report().calls()).isEqualTo(1);
        assertThat(new LocalStateStore(dir.resolve("state.json")).read().isEmpty()).isTrue();
    }

    @Test
    void createOnlySendsTheInputVerbatim() {
        String written = "{ \"operation\" :  \"initialize\",\n  \"price\": 1.50 }";
        List<DesiredInvocation> wanted = new InvocationValidator("us-east-1", dir).validate(List.of(
                InvocationSettings.withId("init").functionName(function).input(written)));

        RunOutcome outcome = engine().invoke(wanted, false);

        assertThat(outcome.results().get("lambda-invocation.init.result")).isEqualTo(written);
    }

    private static byte[] handlerZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
