package io.github.lambdainvocation.engine;

import static io.github.lambdainvocation.testing.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.RecordingConsole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core tells what it does as events; these tests read the events, not the log lines. */
class EngineEventsTest {

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private LocalStateStore store;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn");
        store = new LocalStateStore(dir.resolve("state.json"));
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private InvocationEngine engine() {
        return new InvocationEngine(store, () -> Invokers.of(lambda.endpoint(), new RecordingConsole()), events::add,
                Clock.systemUTC(), dir.resolve("out"));
    }

    private static List<DesiredInvocation> config(InvocationSettings... s) {
        return new InvocationValidator("us-east-1", Path.of(".")).validate(List.of(s));
    }

    private <E extends Event> List<E> all(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aCreateIsPlannedStartedDoneAndApplied() {
        engine().invoke(config(InvocationSettings.withId("a").functionName("fn").input("{\"v\": 1}")), false);

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("PlanReady", "CallStarted", "CallDone", "LogTail", "Applied", "ApplyReportWritten");
        Event.CallStarted started = all(Event.CallStarted.class).get(0);
        assertThat(started.id()).isEqualTo("a");
        assertThat(started.event()).isEqualTo("invoke");
        assertThat(started.bytes()).isEqualTo("{\"v\": 1}".length());
        assertThat(started.async()).isFalse();
        assertThat(all(Event.Applied.class).get(0).report().calls()).isEqualTo(1);
    }

    @Test
    void anAsynchronousCallIsDoneAsAccepted() {
        engine().invoke(config(InvocationSettings.withId("a").functionName("fn").input("{}")
                .invocationType("Event")), false);

        assertThat(all(Event.CallDone.class)).singleElement().satisfies(done -> {
            assertThat(done.async()).isTrue();
            assertThat(done.executedVersion()).isNull();
        });
    }

    @Test
    void anInterruptedCallIsToldWithTheGoalThatFoundItAndStatusSendsNothing() {
        InvocationSettings a = InvocationSettings.withId("a").functionName("fn").lifecycleScope("CRUD").input("{}");
        engine().invoke(config(a), false);
        State before = store.read();
        RecordedInvocation recorded = before.get("a").orElseThrow();
        store.write(before.withPending(new PendingCall("a", recorded.target(), "update", "{}",
                InvocationType.RequestResponse, Instant.now(), RecordedInvocation.of("a",
                        recorded.spec().withInput(json("{\"v\": 2}"))))));
        int sent = lambda.requests().size();
        events.clear();

        engine().status(config(a));

        assertThat(all(Event.InterruptedCallFound.class)).singleElement().satisfies(found -> {
            assertThat(found.goal()).isEqualTo(Event.Goal.STATUS);
            assertThat(found.acknowledged()).isFalse();
            assertThat(found.call().event()).isEqualTo("update");
        });
        assertThat(all(Event.CallStarted.class)).isEmpty();
        assertThat(lambda.requests()).hasSize(sent);
    }
}
