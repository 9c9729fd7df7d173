package io.github.lambdainvocation.engine;

import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.lambda.LambdaInvoker;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.mojo.MavenEvents;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <keepResult>false</keepResult>}: the result reaches the build, and no file but its results file. */
class EphemeralResultTest {

    private static final String SECRET = "pw-7f3a9c-never-in-the-state";
    private static final String RESULT = "{\"user\":\"admin\",\"password\":\"" + SECRET + "\"}";

    private static final String NOTHING_HANDED_OVER = "  token: no result to hand over: it was not invoked in this"
            + " run and its last result was not kept (<keepResult>false</keepResult>), so no property, outputs or"
            + " results file is set for it";

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private LocalStateStore store;
    private final RecordingConsole console = new RecordingConsole();

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn", "reader");
        store = new LocalStateStore(dir.resolve("state.json"));
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine() {
        Supplier<LambdaInvoker> invokers = () -> Invokers.of(lambda.endpoint(), null, Invokers.FAST, console);
        return new InvocationEngine(store, invokers, new MavenEvents(console),
                Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC), dir.resolve("out"));
    }

    private static List<DesiredInvocation> config(InvocationSettings... settings) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(settings));
    }

    private static InvocationSettings ephemeral(String scope) {
        return InvocationSettings.withId("token").functionName("fn").lifecycleScope(scope).input("{\"n\":1}")
                .keepResult(false).output("user", "/user");
    }

    /** Every file under the test's directory (the state and the output directory) whose bytes hold the secret. */
    private List<Path> filesHolding(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(read(f), needle))
                    .map(dir::relativize).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theResultReachesTheBuildButNoFileExceptItsResultsFileAndTheStateKeepsItsDigest() throws Exception {
        lambda.enqueue("fn", Reply.result(RESULT));

        RunOutcome outcome = engine().invoke(config(ephemeral("CRUD")), false);

        assertThat(outcome.results()).containsEntry("lambda-invocation.token.result", RESULT)
                .containsEntry("lambda-invocation.token.user", "admin");
        Path resultFile = dir.resolve("out/results/token.json");
        assertThat(Files.readString(resultFile)).isEqualTo(RESULT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(resultFile))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("out/outputs/token.json"))).contains("admin");
        assertThat(filesHolding(SECRET)).containsExactly(Path.of("out/results/token.json"));
        RecordedInvocation recorded = store.read().get("token").orElseThrow();
        assertThat(recorded.result()).isNull();
        assertThat(recorded.resultSha256()).isEqualTo(Digests.sha256(RESULT));
        assertThat(Files.readString(store.file())).contains("\"resultSha256\" : \"" + Digests.sha256(RESULT) + "\"");

        engine().status(config(ephemeral("CRUD")));

        assertThat(Files.readString(dir.resolve("out/status.json"))).doesNotContain(SECRET);
        assertThat(filesHolding(SECRET)).containsExactly(Path.of("out/results/token.json"));
    }

    @Test
    void aLaterRunThatDoesNotInvokeHandsNothingOverRemovesTheOldFilesAndSaysSo() throws Exception {
        lambda.enqueue("fn", Reply.result(RESULT));
        engine().invoke(config(ephemeral("CRUD")), false);
        int calls = lambda.requests().size();

        RunOutcome again = engine().invoke(config(ephemeral("CRUD")), false);

        assertThat(lambda.requests()).hasSize(calls);
        assertThat(again.results()).isEmpty();
        assertThat(dir.resolve("out/results/token.json")).doesNotExist();
        assertThat(dir.resolve("out/outputs/token.json")).doesNotExist();
        assertThat(filesHolding(SECRET)).isEmpty();
        assertThat(console.lines()).contains(NOTHING_HANDED_OVER);
        assertThat(store.read().get("token").orElseThrow().resultSha256()).isEqualTo(Digests.sha256(RESULT));
    }

    @Test
    void switchingKeepResultOffOnlyChangesTheStateAndDropsTheKeptResult() throws Exception {
        lambda.enqueue("fn", Reply.result(RESULT));
        engine().invoke(config(ephemeral("CRUD").keepResult(true)), false);
        assertThat(Files.readString(store.file())).contains(SECRET);
        int calls = lambda.requests().size();

        RunOutcome outcome = engine().invoke(config(ephemeral("CRUD")), false);

        assertThat(outcome.plan().changes().get(0).reasons()).containsExactly("keepResult");
        assertThat(lambda.requests()).hasSize(calls);
        assertThat(Files.readString(store.file())).doesNotContain(SECRET)
                .contains("\"resultSha256\" : \"" + Digests.sha256(RESULT) + "\"");
    }

    @Test
    void switchingKeepResultOnHasNoResultToHandOverUntilTheNextInvocation() throws Exception {
        // the replacement is a delete and a create: each answers the result
        lambda.enqueue("fn", Reply.result(RESULT), Reply.result(RESULT), Reply.result(RESULT));
        engine().invoke(config(ephemeral("CRUD")), false);

        RunOutcome switched = engine().invoke(config(ephemeral("CRUD").keepResult(true)), false);

        assertThat(switched.plan().changes().get(0).reasons()).containsExactly("keepResult");
        assertThat(switched.results()).isEmpty();
        assertThat(console.lines()).contains(NOTHING_HANDED_OVER);
        console.lines().clear();

        RunOutcome replaced = engine().invoke(config(ephemeral("CRUD").keepResult(true)),
                new InvocationEngine.RunOptions(false, 1, java.util.Set.of("token"), java.util.Set.of()));

        assertThat(replaced.results()).containsEntry("lambda-invocation.token.result", RESULT);
        assertThat(store.read().get("token").orElseThrow().result()).isEqualTo(RESULT);
        assertThat(console.lines()).doesNotContain(NOTHING_HANDED_OVER);
    }

    @Test
    void aStateOnlyChangeLaterKeepsTheDigestOfTheResultItNoLongerHas() throws Exception {
        lambda.enqueue("fn", Reply.result(RESULT));
        engine().invoke(config(ephemeral("CRUD")), false);

        RunOutcome outcome = engine().invoke(config(ephemeral("CRUD").sensitive(true)), false);

        assertThat(outcome.plan().changes().get(0).reasons()).containsExactly("sensitive");
        RecordedInvocation recorded = store.read().get("token").orElseThrow();
        assertThat(recorded.spec().sensitive()).isTrue();
        assertThat(recorded.resultSha256()).isEqualTo(Digests.sha256(RESULT));
    }

    @Test
    void readingAResultThatIsNotKeptIsRefusedUpFrontUnlessItsInvocationRunsEveryTime() throws Exception {
        engine().invoke(config(InvocationSettings.withId("other").functionName("fn").input("{}")), false);
        byte[] state = Files.readAllBytes(store.file());
        int calls = lambda.requests().size();

        assertThatThrownBy(() -> engine().invoke(config(ephemeral("CRUD"),
                InvocationSettings.withId("seed").functionName("reader").input("{\"u\":\"@{token#/user}\"}")), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("invocation 'seed': <input> reads @{token#/user}, but 'token' does not keep its"
                        + " result (<keepResult> is false)")
                .hasMessageContaining("<lifecycleScope>EVERY_RUN</lifecycleScope> on 'token'");

        assertThat(lambda.requests()).hasSize(calls);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(state);
    }

    @Test
    void anEveryRunResultThatIsNotKeptIsReadFreshOnEveryRun() throws Exception {
        String second = RESULT.replace("admin", "operator");
        lambda.enqueue("fn", Reply.result(RESULT), Reply.result(second));
        List<DesiredInvocation> wanted = config(ephemeral("EVERY_RUN"), InvocationSettings.withId("seed")
                .functionName("reader").lifecycleScope("CRUD").input("{\"u\":\"@{token#/user}\"}"));

        engine().invoke(wanted, false);
        RunOutcome again = engine().invoke(wanted, false);

        assertThat(lambda.payloads("reader")).hasSize(2);
        assertThat(lambda.payloads("reader").get(0)).contains("\"u\":\"admin\"");
        assertThat(lambda.payloads("reader").get(1)).contains("\"u\":\"operator\"");
        assertThat(again.results()).containsEntry("lambda-invocation.token.user", "operator");
        assertThat(Files.readString(store.file())).doesNotContain(SECRET);
    }
}
