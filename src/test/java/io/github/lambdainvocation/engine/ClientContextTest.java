package io.github.lambdainvocation.engine;

import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.JsonValues;
import io.github.lambdainvocation.mojo.MavenEvents;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <clientContext>} on the wire: base64 of the configured object, on every call, the recorded one on delete. */
class ClientContextTest {

    @TempDir
    Path dir;

    private final RecordingConsole console = new RecordingConsole();
    private LocalLambdaServer lambda;

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "other");
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine() {
        return new InvocationEngine(new LocalStateStore(stateFile()), () -> Invokers.of(lambda.endpoint(), null, Invokers.FAST, console),
                new MavenEvents(console), Clock.systemUTC(), dir.resolve("out"));
    }

    private Path stateFile() {
        return dir.resolve("state.json");
    }

    private static List<DesiredInvocation> config(InvocationSettings... settings) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(settings));
    }

    private static InvocationSettings crud(String function, String clientContext) {
        return InvocationSettings.withId("a").functionName(function).lifecycleScope("CRUD").input("{\"v\":1}")
                .clientContext(clientContext);
    }

    /** What each request's X-Amz-Client-Context decodes to, as JSON; null where it had none. */
    private List<JsonValue> contextsSent(String function) {
        return lambda.events(function).stream().map(r -> {
            if (r.clientContext() == null) {
                return null;
            }
            try {
                return Json.parse(new String(Base64.getDecoder().decode(r.clientContext()), StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new AssertionError("not base64 of JSON: " + r.clientContext(), e);
            }
        }).toList();
    }

    private static boolean same(JsonValue actual, String expected) {
        try {
            return JsonValues.same(actual, Json.parse(expected));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyCallCarriesTheConfiguredObjectAndADeleteTheRecordedOne() throws Exception {
        engine().invoke(config(crud("fn", "{\"custom\": {\"tenant\": \"t-1\"}, \"env\": {\"stage\": \"it\"}}")), false);
        engine().invoke(config(crud("fn", "{\"custom\": {\"tenant\": \"t-2\"}}")), false);
        engine().invoke(config(crud("other", "{\"custom\": {\"tenant\": \"t-3\"}}")), false);

        List<JsonValue> fn = contextsSent("fn");
        assertThat(fn).hasSize(3);
        assertThat(same(fn.get(0), "{\"custom\": {\"tenant\": \"t-1\"}, \"env\": {\"stage\": \"it\"}}"))
                .as("create: %s", fn.get(0)).isTrue();
        assertThat(same(fn.get(1), "{\"custom\": {\"tenant\": \"t-2\"}}")).as("update: %s", fn.get(1)).isTrue();
        assertThat(same(fn.get(2), "{\"custom\": {\"tenant\": \"t-2\"}}"))
                .as("the replacement's delete goes with what was recorded: %s", fn.get(2)).isTrue();
        assertThat(lambda.payloads("fn").get(1)).as("a change of it alone is an update")
                .contains("\"action\":\"update\"");
        List<JsonValue> other = contextsSent("other");
        assertThat(other).hasSize(1);
        assertThat(same(other.get(0), "{\"custom\": {\"tenant\": \"t-3\"}}")).isTrue();

        engine().destroy(List.of("a"), java.util.Set.of(), false);
        assertThat(same(contextsSent("other").get(1), "{\"custom\": {\"tenant\": \"t-3\"}}"))
                .as("destroy sends the recorded one").isTrue();
    }

    @Test
    void anInvocationWithoutOneSendsNoHeader() throws Exception {
        engine().invoke(config(crud("fn", null)), false);

        assertThat(lambda.events("fn")).singleElement().extracting(LocalLambdaServer.Request::clientContext).isNull();
    }

    @Test
    void oneOverLambdasLimitIsRefusedBeforeAnyCallAndTheStateStaysAsItWas() throws Exception {
        engine().invoke(config(crud("fn", "{\"k\": 1}")), false);
        byte[] before = Files.readAllBytes(stateFile());
        int requests = lambda.requests().size();
        String frame = "{\"k\":\"\"}";
        String tooBig = "{\"k\":\"" + "x".repeat(2686 - frame.length()) + "\"}";

        assertThatThrownBy(() -> engine().invoke(config(crud("fn", tooBig)), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("invocation 'a': <clientContext> is 3584 bytes once base64-encoded, over"
                        + " Lambda's limit of 3583 bytes");

        assertThat(lambda.requests()).hasSize(requests);
        assertThat(Files.readAllBytes(stateFile())).isEqualTo(before);

        String largest = "{\"k\":\"" + "x".repeat(2685 - frame.length()) + "\"}";
        engine().invoke(config(crud("fn", largest)), false);
        assertThat(lambda.events("fn")).last().extracting(LocalLambdaServer.Request::clientContext)
                .asString().hasSize(3580);
    }
}
