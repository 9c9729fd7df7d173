package io.github.lambdainvocation.engine;

import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import static io.github.lambdainvocation.testing.Jsons.json;
import static io.github.lambdainvocation.testing.Jsons.tree;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.mojo.MavenEvents;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One state, one owner: a project never plans, invokes or deletes what another project recorded. */
class StateOwnershipTest {

    private static final String ORDERS = "com.acme:orders";
    private static final String BILLING = "com.acme:billing";

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private Path stateFile;
    private final RecordingConsole console = new RecordingConsole();

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn");
        stateFile = dir.resolve("shared/state.json");
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine(StateOwner owner) {
        return new InvocationEngine(new LocalStateStore(stateFile), () -> Invokers.of(lambda.endpoint(), console),
                new MavenEvents(console), Clock.systemUTC(), dir.resolve("out"), owner);
    }

    private static List<DesiredInvocation> crud(String id) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(
                InvocationSettings.withId(id).functionName("fn").lifecycleScope("CRUD").input("{}")));
    }

    /** The lifecycle action of each call the function received, from the {@code skip}-th on. */
    private List<String> actions(int skip) {
        List<String> payloads = lambda.payloads("fn");
        return payloads.subList(skip, payloads.size()).stream()
                .map(p -> tree(p).get("tf").get("action").asText()).toList();
    }

    private static String legacyState(String id) {
        return """
                {"formatVersion": 2, "invocations": {"%s": {"functionName": "fn", "qualifier": "$LATEST",
                 "region": "us-east-1", "lifecycleScope": "CRUD", "terraformKey": "tf", "triggers": {},
                 "input": {}, "result": "{}", "executedVersion": "$LATEST", "invokedAt": "2026-01-01T00:00:00Z"}}}
                """.formatted(id);
    }

    @Test
    void anotherProjectsStateIsRefusedBeforeAnythingIsPlannedSentOrWritten() throws Exception {
        engine(StateOwner.of(ORDERS)).invoke(crud("orders-seed"), false);
        byte[] before = Files.readAllBytes(stateFile);
        int sent = lambda.requests().size();
        console.lines().clear();

        for (Callable<?> run : List.<Callable<?>>of(
                () -> engine(StateOwner.of(BILLING)).invoke(crud("billing-seed"), false),
                () -> engine(StateOwner.of(BILLING)).status(crud("billing-seed")),
                () -> engine(StateOwner.of(BILLING)).destroy(List.of(), Set.of(), false))) {
            assertThatThrownBy(run::call)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("The state " + stateFile + " belongs to com.acme:orders, and this project"
                            + " is com.acme:billing")
                    .hasMessageContaining("nothing was done")
                    .hasMessageContaining("leave <stateFile> out")
                    .hasMessageContaining("-Dlambda-invocation.takeOverStateOf=com.acme:orders");
        }

        assertThat(lambda.requests()).as("no call, in particular no delete of orders-seed").hasSize(sent);
        assertThat(Files.readAllBytes(stateFile)).isEqualTo(before);
        assertThat(console.lines()).isEmpty();
        assertThat(dir.resolve("out/status.json")).doesNotExist();
    }

    @Test
    void theOwnerIsRecordedWithTheFirstWriteAndItsOwnRunsGoOn() throws Exception {
        engine(StateOwner.of(ORDERS)).invoke(crud("seed"), false);

        assertThat(new LocalStateStore(stateFile).read().owner()).contains(ORDERS);
        assertThat(engine(StateOwner.of(ORDERS)).invoke(crud("seed"), false).report().calls()).isZero();
        engine(StateOwner.of(ORDERS)).destroy(List.of("seed"), Set.of(), false);
        assertThat(actions(0)).containsExactly("create", "delete");
        assertThat(new LocalStateStore(stateFile).read().owner()).as("an emptied state stays the owner's")
                .contains(ORDERS);
        assertThat(console.lines()).noneMatch(l -> l.contains("owner"));
    }

    @Test
    void aStateWithoutOwnerIsAdoptedByTheFirstRunThatWritesItAndThatIsSaidOnce() throws Exception {
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, legacyState("seed"));

        assertThat(engine(StateOwner.of(ORDERS)).invoke(crud("seed"), false).report().calls()).isZero();
        assertThat(new LocalStateStore(stateFile).read().owner()).as("a run that writes nothing adopts nothing")
                .isEmpty();

        engine(StateOwner.of(ORDERS)).invoke(crud("other"), false);
        engine(StateOwner.of(ORDERS)).invoke(crud("third"), false);

        assertThat(new LocalStateStore(stateFile).read().owner()).contains(ORDERS);
        assertThat(console.lines()).filteredOn(l -> l.contains("no owner yet")).singleElement().asString()
                .isEqualTo("The state " + stateFile + " has no owner yet (an older plugin wrote it): it is recorded"
                        + " as com.acme:orders's from now on, and runs of other projects will be refused.");
        assertThatThrownBy(() -> engine(StateOwner.of(BILLING)).invoke(crud("third"), false))
                .hasMessageContaining("belongs to com.acme:orders");
    }

    @Test
    void aRenamedProjectTakesItsStateOverOnceWhenToldWhoseItWas() throws Exception {
        engine(StateOwner.of(ORDERS)).invoke(crud("seed"), false);
        StateOwner renamed = new StateOwner("com.acme:order-service", ORDERS);

        assertThat(engine(renamed).invoke(crud("seed"), false).report().calls())
                .as("unchanged: nothing to write, so the state is still the old name's").isZero();
        engine(renamed).invoke(crud("seed2"), false);

        assertThat(actions(0)).as("seed was kept, not deleted and created again")
                .containsExactly("create", "delete", "create");
        assertThat(new LocalStateStore(stateFile).read().owner()).contains("com.acme:order-service");
        assertThat(console.lines()).contains("The state " + stateFile + " is taken over from com.acme:orders: it is"
                + " recorded as com.acme:order-service's from now on.");
        assertThatThrownBy(() -> engine(StateOwner.of(ORDERS)).invoke(crud("seed"), false))
                .hasMessageContaining("belongs to com.acme:order-service");
        assertThatThrownBy(() -> engine(new StateOwner(BILLING, "com.acme:someone-else")).status(crud("x")))
                .as("a take-over names the one owner it may take from")
                .hasMessageContaining("belongs to com.acme:order-service");
    }

    /** Two modules of a parallel reactor (-T 2) given one state file: one wins, the other is refused. */
    @Test
    void twoOwnersRacingOnOneLocalFileNeverDeleteEachOthersInvocations() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Files.deleteIfExists(stateFile);
                int sent = lambda.requests().size();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<RunOutcome>> runs = new ArrayList<>();
                for (String owner : List.of(ORDERS, BILLING)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return engine(StateOwner.of(owner)).invoke(crud(owner.substring(9) + "-seed"), false);
                    }));
                }
                List<String> refused = new ArrayList<>();
                for (Future<RunOutcome> run : runs) {
                    try {
                        run.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConfigurationException.class);
                        refused.add(e.getCause().getMessage());
                    }
                }
                String winner = new LocalStateStore(stateFile).read().owner().orElseThrow();
                assertThat(refused).singleElement().asString().contains("belongs to " + winner);
                assertThat(new LocalStateStore(stateFile).read().invocations().keySet())
                        .containsExactly(winner.substring(9) + "-seed");
                assertThat(actions(sent)).containsExactly("create");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunWithNothingConfiguredAndNothingRecordedWritesNoFileAndNoDirectory() throws Exception {
        InvocationEngine engine = engine(StateOwner.of(ORDERS));

        engine.status(List.of());
        engine.invoke(List.of(), false);
        engine.destroy(List.of(), Set.of(), false);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(lambda.requests()).isEmpty();
        assertThat(console.lines()).hasSize(3).allMatch(l -> l.startsWith("No invocations are configured or"
                + " recorded"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aRunLeavesNoLockFileBesideTheStateAndALockLeftByAKilledBuildDoesNotBlock() throws Exception {
        engine(StateOwner.of(ORDERS)).invoke(crud("seed"), false);
        try (Stream<Path> files = Files.list(stateFile.getParent())) {
            assertThat(files).containsExactly(stateFile);
        }

        // a build killed while it held the lock leaves its lock file; the operating system released the lock
        Path lockFile = new LocalStateStore(stateFile).lockFile();
        assertThat(lockFile).exists();
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), stateFile.toString())
                .redirectErrorStream(true).start();
        assertThat(new String(killed.getInputStream().readNBytes(7))).isEqualTo("locked\n");
        killed.destroyForcibly().waitFor();

        engine(StateOwner.of(ORDERS)).destroy(List.of(), Set.of(), false);
        assertThat(actions(0)).containsExactly("create", "delete");
    }

    /** A child process that takes the state's lock, says so, and waits to be killed. */
    public static final class HoldLock {
        public static void main(String[] args) throws Exception {
            StateStore.Lock lock = new LocalStateStore(Path.of(args[0])).lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
            lock.close();
        }
    }
}
