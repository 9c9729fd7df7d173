package io.github.lambdainvocation.engine;

import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.mojo.MavenEvents;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invocations with AWS access of their own, seen from the endpoint: which key signed which call. */
class InvocationAccessTest {

    @TempDir
    Path dir;

    private final RecordingConsole console = new RecordingConsole();
    private LocalLambdaServer lambda;
    private String configFile;
    private String credentialsFile;

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "other");
        Files.writeString(dir.resolve("credentials"), """
                [account-a]
                aws_access_key_id = AKIAACCOUNTAEXAMPLE
                aws_secret_access_key = account-a-secret
                [account-b]
                aws_access_key_id = AKIAACCOUNTBEXAMPLE
                aws_secret_access_key = account-b-secret
                """);
        Files.writeString(dir.resolve("config"), "");
        configFile = System.setProperty("aws.configFile", dir.resolve("config").toString());
        credentialsFile = System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
    }

    @AfterEach
    void stop() {
        restore("aws.configFile", configFile);
        restore("aws.sharedCredentialsFile", credentialsFile);
        lambda.stop();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private InvocationEngine engine() {
        return new InvocationEngine(new LocalStateStore(dir.resolve("state.json")),
                () -> Invokers.of(lambda.endpoint(), null, Invokers.FAST, console), new MavenEvents(console),
                Clock.systemUTC(), dir.resolve("out"));
    }

    private static List<DesiredInvocation> config(InvocationSettings... settings) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(settings));
    }

    private static InvocationSettings crud(String id, String function, String profile) {
        return InvocationSettings.withId(id).functionName(function).lifecycleScope("CRUD").input("{}")
                .access(profile, null, null, null, null);
    }

    /** The access key ids that signed the calls to {@code function}, in order. */
    private List<String> keysSeenBy(String function) {
        return lambda.events(function).stream()
                .map(r -> r.authorization().replaceFirst("^AWS4-HMAC-SHA256 Credential=([^/]+)/.*$", "$1"))
                .toList();
    }

    @Test
    void eachInvocationIsSignedWithItsOwnProfileAndThePlanSaysWhere() {
        engine().invoke(config(crud("a", "fn", "account-a"), crud("b", "other", "account-b"),
                crud("plain", "fn", null)), false);

        assertThat(keysSeenBy("other")).containsExactly("AKIAACCOUNTBEXAMPLE");
        assertThat(keysSeenBy("fn")).as("account-a, then the plugin's (the test environment's) keys")
                .containsExactlyInAnyOrder("AKIAACCOUNTAEXAMPLE", "test");
        assertThat(console.lines()).contains(
                "  + b      create   (new): create other:$LATEST in us-east-1 via profile account-b");
        assertThat(console.lines()).noneSatisfy(line -> assertThat(line).contains("account-b-secret"));
    }

    @Test
    void statusJsonSaysWhereEachCallGoesAndNeverAKey() throws Exception {
        engine().status(config(crud("a", "fn", "account-a"), crud("plain", "fn", null)));

        String written = Files.readString(dir.resolve("out/status.json"));
        JsonObject status = (JsonObject) Json.parse(written);
        List<JsonValue> changes = ((JsonArray) status.get("invocations")).elements();
        JsonObject firstCall = (JsonObject) ((JsonArray) ((JsonObject) changes.get(0)).get("calls")).elements().get(0);
        JsonObject plainCall = (JsonObject) ((JsonArray) ((JsonObject) changes.get(1)).get("calls")).elements().get(0);

        assertThat(firstCall.text("access")).isEqualTo("profile account-a");
        assertThat(plainCall.has("access")).as("the plugin's own access is not spelled out").isFalse();
        assertThat(written).doesNotContain("AKIAACCOUNTAEXAMPLE", "account-a-secret");
    }

    @Test
    void movingAnInvocationToAnotherAccountDeletesItWhereItWasRecorded() {
        engine().invoke(config(crud("a", "fn", "account-a")), false);
        engine().invoke(config(crud("a", "fn", "account-b")), false);
        engine().destroy(List.of("a"), Set.of(), false);

        assertThat(keysSeenBy("fn")).containsExactly("AKIAACCOUNTAEXAMPLE", "AKIAACCOUNTAEXAMPLE",
                "AKIAACCOUNTBEXAMPLE", "AKIAACCOUNTBEXAMPLE");
        assertThat(lambda.payloads("fn")).extracting(p -> p.replaceAll(".*\"action\":\"(\\w+)\".*", "$1"))
                .containsExactly("create", "delete", "create", "delete");
    }

    @Test
    void credentialsOfEveryAccessAreResolvedBeforeAnythingIsWritten() throws Exception {
        engine().invoke(config(crud("a", "fn", "account-a")), false);
        byte[] before = Files.readAllBytes(dir.resolve("state.json"));
        int requests = lambda.requests().size();

        assertThatThrownBy(() -> engine().invoke(config(crud("a", "fn", "account-a").input("{\"v\":2}"),
                crud("z", "other", "no-such-profile")), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invocation 'z': <profile> 'no-such-profile': No AWS credentials from the AWS"
                        + " profile 'no-such-profile': ")
                .hasMessageContaining("Nothing was invoked");

        assertThat(lambda.requests()).as("not even a's update, which comes first").hasSize(requests);
        assertThat(Files.readAllBytes(dir.resolve("state.json"))).isEqualTo(before);
    }
}
