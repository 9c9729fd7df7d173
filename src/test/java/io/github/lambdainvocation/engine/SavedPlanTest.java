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
import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.mojo.MavenEvents;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status with a plan file, then invoke applying it, with the state in a local file. */
class SavedPlanTest {

    static final String VERSION = "0.2.0-test";

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private LocalStateStore store;
    private Path planFile;
    private final RecordingConsole console = new RecordingConsole();

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "other");
        store = new LocalStateStore(dir.resolve("state.json"), dir.resolve("locks"));
        planFile = dir.resolve("approved/tfplan.json");
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine(StateStore stateStore) {
        return new InvocationEngine(stateStore, () -> Invokers.of(lambda.endpoint(), null, Invokers.FAST, console),
                new MavenEvents(console), Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC),
                dir.resolve("out"));
    }

    static List<DesiredInvocation> config(InvocationSettings... settings) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(settings));
    }

    static InvocationSettings crud(String id, String input) {
        return InvocationSettings.withId(id).functionName("fn").lifecycleScope("CRUD").input(input);
    }

    private void savePlan(List<DesiredInvocation> desired, Set<String> replace) {
        engine(store).status(desired, false, replace, planFile, VERSION);
    }

    private RunOutcome applyPlan(List<DesiredInvocation> desired, Set<String> replace) {
        return engine(store).invoke(desired, new InvocationEngine.RunOptions(false, 1, replace, Set.of()),
                SavedPlan.read(planFile, VERSION));
    }

    private JsonObject planJson() throws Exception {
        return (JsonObject) Json.parse(Files.readString(planFile));
    }

    private static JsonObject change(JsonObject plan, int i) {
        return (JsonObject) ((JsonArray) plan.get("changes")).elements().get(i);
    }

    private static JsonObject call(JsonObject change, int i) {
        return (JsonObject) ((JsonArray) change.get("calls")).elements().get(i);
    }

    @Test
    void invokeAppliesTheSavedPlanWithTheExactPayloadsItHolds() throws Exception {
        engine(store).invoke(config(crud("a", "{\"v\":1}")), false);
        List<DesiredInvocation> desired = config(crud("a", "{\"v\":2}"), crud("b", "{\"w\":true}"));

        savePlan(desired, Set.of());
        assertThat(lambda.payloads("fn")).as("status invokes nothing").hasSize(1);
        JsonObject saved = planJson();
        assertThat(saved.text("kind")).isEqualTo("lambda-invocation-plan");
        assertThat(saved.text("pluginVersion")).isEqualTo(VERSION);
        assertThat(((JsonObject) saved.get("state")).text("version"))
                .isEqualTo(Digests.sha256(Files.readAllBytes(store.file())));
        assertThat(((JsonObject) ((JsonObject) saved.get("configuration")).get("invocations")).members().keySet())
                .containsExactly("a", "b");
        assertThat(change(saved, 0).text("action")).isEqualTo("update");
        String updatePayload = call(change(saved, 0), 0).text("payload");
        String createPayload = call(change(saved, 1), 0).text("payload");
        assertThat(call(change(saved, 0), 0).text("payloadSha256")).isEqualTo(Digests.sha256(updatePayload));

        RunOutcome outcome = applyPlan(desired, Set.of());

        assertThat(outcome.report().calls()).isEqualTo(2);
        assertThat(lambda.payloads("fn")).containsExactly(
                "{\"v\":1,\"tf\":{\"action\":\"create\",\"prev_input\":null}}", updatePayload, createPayload);
        assertThat(updatePayload).isEqualTo("{\"v\":2,\"tf\":{\"action\":\"update\",\"prev_input\":{\"v\":1}}}");
        assertThat(console.lines()).anyMatch(l -> l.contains("Applying the saved plan " + planFile));
    }

    @Test
    void aStateThatMovedSinceThePlanIsRefusedNamingBothVersionsAndLeftAsItIs() throws Exception {
        savePlan(config(crud("a", "{\"v\":1}")), Set.of());
        engine(store).invoke(config(crud("a", "{\"v\":1}")), false); // another build applied it meanwhile
        byte[] state = Files.readAllBytes(store.file());

        assertThatThrownBy(() -> applyPlan(config(crud("a", "{\"v\":1}")), Set.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The saved plan " + planFile + " was made from another version of the state")
                .hasMessageContaining("version then: none, now: " + Digests.sha256(state))
                .hasMessageContaining("Make a new plan with mvn lambda-invocation:status"
                        + " -Dlambda-invocation.planOut=" + planFile);
        assertThat(lambda.payloads("fn")).hasSize(1);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(state);
    }

    @Test
    void aChangedConfigurationIsRefusedNamingTheInvocationsThatDiffer() throws Exception {
        savePlan(config(crud("a", "{\"v\":1}"), crud("b", "{}"), crud("c", "{}")), Set.of());

        assertThatThrownBy(() -> applyPlan(config(crud("a", "{\"v\":1}"), crud("b", "{\"x\":1}"),
                crud("d", "{}")), Set.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The configuration changed since the saved plan " + planFile + " was made")
                .hasMessageContaining("invocation 'b' is configured differently now")
                .hasMessageContaining("invocation 'c' was configured when the plan was made, and is no longer")
                .hasMessageContaining("invocation 'd' is configured now, and was not when the plan was made")
                .hasMessageNotContaining("'a'");
        assertThat(lambda.requests()).isEmpty();
        assertThat(store.exists()).as("no state was written").isFalse();
    }

    @Test
    void aChangeOfAnElementThatIsNotSentStillCountsAsAChangedConfiguration() throws Exception {
        savePlan(config(crud("a", "{}").timeout("30s")), Set.of());

        assertThatThrownBy(() -> applyPlan(config(crud("a", "{}").timeout("31s")), Set.of()))
                .hasMessageContaining("invocation 'a' is configured differently now");
    }

    @Test
    void aPlanThatWouldComeOutDifferentlyNowIsRefusedEvenWhenStateAndConfigurationAreTheSame() throws Exception {
        lambda.code("fn", "sha-1", "3");
        List<DesiredInvocation> desired = config(crud("migrate", "{}").triggerOnCodeChange(true));
        engine(store).invoke(desired, false);
        savePlan(desired, Set.of());
        lambda.code("fn", "sha-2", "4"); // the function got new code after the plan was approved
        byte[] state = Files.readAllBytes(store.file());

        assertThatThrownBy(() -> applyPlan(desired, Set.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("What invoke would do now differs from the saved plan " + planFile)
                .hasMessageContaining("invocation 'migrate': the plan has no-op without a call, and now it is"
                        + " replace (code)");
        assertThat(lambda.payloads("fn")).hasSize(1);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(state);
    }

    @Test
    void theReplaceIdsComeFromThePlanAndAnotherReplaceIsRefused() throws Exception {
        List<DesiredInvocation> desired = config(crud("a", "{}"), crud("b", "{}"));
        engine(store).invoke(desired, false);
        savePlan(desired, Set.of("a"));
        byte[] state = Files.readAllBytes(store.file());

        assertThatThrownBy(() -> applyPlan(desired, Set.of("b")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The saved plan " + planFile + " was made to replace [a], and this run is"
                        + " asked to replace [b]");
        assertThat(Files.readAllBytes(store.file())).isEqualTo(state);

        RunOutcome outcome = applyPlan(desired, Set.of());
        assertThat(outcome.plan().changes()).filteredOn(c -> c.id().equals("a"))
                .allMatch(c -> c.action() == io.github.lambdainvocation.model.Action.REPLACE);
        assertThat(lambda.payloads("fn")).hasSize(4); // two creates, then a's delete and create
    }

    @Test
    void aHandEditedOrCutOffPlanIsRefused() throws Exception {
        savePlan(config(crud("a", "{\"v\":1}")), Set.of());
        String text = Files.readString(planFile);

        Files.writeString(planFile, text.replace("\\\"v\\\":1", "\\\"v\\\":666"));
        assertThat(Files.readString(planFile)).isNotEqualTo(text);
        assertThatThrownBy(() -> SavedPlan.read(planFile, VERSION))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The saved plan " + planFile + " was changed since it was written (its checksum"
                        + " does not match its content)");

        Files.writeString(planFile, text.substring(0, text.length() * 2 / 3));
        assertThatThrownBy(() -> SavedPlan.read(planFile, VERSION))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The saved plan " + planFile + " is not a saved plan, or was cut off: it is not"
                        + " valid JSON");
    }

    @Test
    void aFileThatIsNoPlanOrFromAnotherPluginVersionIsRefused() throws Exception {
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, "{\"formatVersion\":3,\"invocations\":{}}");
        assertThatThrownBy(() -> SavedPlan.read(planFile, VERSION))
                .hasMessageContaining("The saved plan " + planFile + " is not a saved plan");

        savePlan(config(crud("a", "{}")), Set.of());
        assertThatThrownBy(() -> SavedPlan.read(planFile, "0.3.0"))
                .hasMessageContaining("was written by version " + VERSION + " of the plugin, and this is version"
                        + " 0.3.0");
    }

    @Test
    void aReadPlanRoundTripsToTheSameChangesAndContent() throws Exception {
        savePlan(config(crud("a", "{\"v\":1}"), crud("b", "{}").dependsOn("a")), Set.of("b"));
        String written = Files.readString(planFile);

        SavedPlan read = SavedPlan.read(planFile, VERSION);

        assertThat(read.text()).isEqualTo(written);
        assertThat(read.replace()).containsExactly("b");
        assertThat(read.stateVersion()).isEqualTo("none");
        assertThat(read.savedChanges()).extracting(SavedPlan.Change::id).containsExactly("a", "b");
        assertThat(read.savedChanges().get(0).calls().get(0).payload())
                .isEqualTo("{\"v\":1,\"tf\":{\"action\":\"create\",\"prev_input\":null}}");
    }

    @Test
    void aCallToAnInvocationsOwnEndpointIsSavedWithItsAccessAndApplies() throws Exception {
        List<DesiredInvocation> desired = config(crud("a", "{\"v\":1}").access(null, null, null, null,
                lambda.endpoint()));

        savePlan(desired, Set.of());
        JsonObject access = (JsonObject) call(change(planJson(), 0), 0).get("access");
        RunOutcome outcome = applyPlan(desired, Set.of());

        assertThat(access.text("endpointUrl")).isEqualTo(lambda.endpoint());
        assertThat(outcome.report().calls()).as("the re-planned call matches the saved one, access and all")
                .isEqualTo(1);
        assertThat(lambda.payloads("fn")).hasSize(1);
    }

    @Test
    void aSensitiveInvocationIsSavedAsADigestOnlyAndItsInputIsNowhereInTheFile() throws Exception {
        String secret = "hunter2-" + System.nanoTime();
        List<DesiredInvocation> desired = config(crud("secret", "{\"password\":\"" + secret + "\"}").sensitive(true),
                crud("plain", "{\"n\":1}"));
        savePlan(desired, Set.of());

        String text = Files.readString(planFile);
        assertThat(text).doesNotContain(secret);
        JsonObject sensitiveCall = call(change(planJson(), 0), 0);
        assertThat(sensitiveCall.has("payload")).isFalse();
        assertThat(sensitiveCall.text("payloadSha256")).startsWith("sha256:");
        assertThat(call(change(planJson(), 1), 0).text("payload")).contains("\"n\":1");
        assertThat(console.lines()).anyMatch(l -> l.contains("sensitive payloads as digests only"));

        applyPlan(desired, Set.of());
        assertThat(lambda.payloads("fn")).hasSize(2).first().asString().contains(secret);
        assertThat(Digests.sha256(lambda.payloads("fn").get(0))).isEqualTo(sensitiveCall.text("payloadSha256"));
    }

    @Test
    void aDeferredCallIsMarkedAndCarriesNoPayload() throws Exception {
        List<DesiredInvocation> desired = config(crud("a", "{}"),
                crud("b", "{\"from\":\"@{a#/v}\"}").dependsOn("a"));
        lambda.replyAlways("fn", "{\"v\":\"x\"}");
        savePlan(desired, Set.of());

        JsonObject b = change(planJson(), 1);
        assertThat(b.get("deferred")).isEqualTo(JsonValue.of(true));
        assertThat(call(b, 0).get("deferred")).isEqualTo(JsonValue.of(true));
        assertThat(call(b, 0).has("payload") || call(b, 0).has("payloadSha256")).isFalse();

        applyPlan(desired, Set.of());
        assertThat(lambda.payloads("fn")).hasSize(2).last().asString().contains("\"from\":\"x\"");
    }

    @Test
    void thePlanFileIsForItsOwnerOnlyAndReplacedAtomically() throws Exception {
        savePlan(config(crud("a", "{}")), Set.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(planFile))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(planFile, PosixFilePermissions.fromString("rw-r--r--"));
        savePlan(config(crud("a", "{}")), Set.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(planFile))).isEqualTo("rw-------");
        try (var left = Files.list(planFile.getParent())) {
            assertThat(left).containsExactly(planFile);
        }
    }

    @Test
    void aPlanWhoseDryRunFailsIsNotSaved() {
        assertThatThrownBy(() -> engine(store).status(config(InvocationSettings.withId("x").functionName("missing")
                .input("{}")), true, Set.of(), planFile, VERSION))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("invocation 'x'");
        assertThat(planFile).doesNotExist();
    }

    @Test
    void anEmptyPlanAppliesNothingAndIsRefusedOnceSomethingIsConfigured() throws Exception {
        savePlan(List.of(), Set.of());
        assertThat(applyPlan(List.of(), Set.of()).report().calls()).isZero();

        assertThatThrownBy(() -> applyPlan(config(crud("a", "{}")), Set.of()))
                .hasMessageContaining("invocation 'a' is configured now, and was not when the plan was made");
        assertThat(lambda.requests()).isEmpty();
        assertThat(new String(Files.readAllBytes(planFile), StandardCharsets.UTF_8)).contains("\"changes\" : [ ]");
    }
}
