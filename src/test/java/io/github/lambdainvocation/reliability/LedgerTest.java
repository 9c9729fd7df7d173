package io.github.lambdainvocation.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Request;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@link KilledRunsTest} on a run that was not killed (generation 1, then 2), and on states made
 * wrong by hand: each kind of loss they are there to find is found.
 */
class LedgerTest {

    @TempDir
    Path dir;

    private LocalLambdaServer lambda;
    private final List<DesiredInvocation> wanted = Workload.generation(2, 3);
    private State before;
    private State after;
    private List<Request> calls;

    @BeforeEach
    void runBothGenerations() throws Exception {
        lambda = LocalLambdaServer.start().function(Workload.FUNCTIONS.toArray(String[]::new));
        try (StateAt.Opened run = StateAt.local(dir.resolve("state.json"))
                .open(lambda.endpoint(), dir.resolve("out"), Listener.NONE, UnaryOperator.identity())) {
            InvocationEngine.RunOptions options = new InvocationEngine.RunOptions(false, 4, Set.of(), Set.of());
            run.engine().invoke(Workload.generation(1, 3), options);
            before = run.store().read();
            int firstCalls = lambda.requests().size();
            run.engine().invoke(wanted, options);
            after = run.store().read();
            calls = lambda.requests().subList(firstCalls, lambda.requests().size());
        }
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    @Test
    void aRunThatEndedAccountsForEachOfItsCalls() {
        assertThat(calls).extracting(Ledger::describe).containsExactlyInAnyOrder("j-5 delete to fn",
                "j-0 delete to fn", "j-0 create to fn2", "j-1 update to fn", "j-2 update to fn", "j-3 update to fn",
                "j-4 update to fn", "j-6 create to fn").hasSize(Workload.CALLS);
        assertThat(Ledger.unaccounted(calls, after)).isEmpty();
        assertThat(Ledger.claimedWithoutCall(before, after, calls)).isEmpty();
        assertThat(Ledger.mismatches(after, wanted)).isEmpty();
        assertThat(List.of("j-0", "j-1", "j-5", "j-6")).allMatch(id -> Ledger.settled(id, after, wanted));
    }

    @Test
    void aCallTheStateDoesNotRecordIsFound() {
        State lost = after.without("j-6").with(before.get("j-1").orElseThrow()).with(before.get("j-5").orElseThrow());

        assertThat(Ledger.unaccounted(calls, lost))
                .containsExactlyInAnyOrder("j-6 create to fn", "j-1 update to fn", "j-5 delete to fn");
    }

    @Test
    void aPendingRecordAccountsForItsCall() {
        State killed = after.without("j-6").withPending(pending("j-6"));

        assertThat(Ledger.unaccounted(calls, killed)).isEmpty();
        assertThat(Ledger.settled("j-6", killed, wanted)).isFalse();
        assertThat(Ledger.mismatches(killed, wanted)).containsExactlyInAnyOrder("j-6 still pending (create)",
                "recorded ids [j-0, j-1, j-2, j-3, j-4], configured [j-0, j-1, j-2, j-3, j-4, j-6]");
    }

    @Test
    void aRecordWhoseCallNeverCameIsFound() {
        List<Request> withoutJ6 = calls.stream().filter(c -> !Workload.idOf(c.payload()).equals("j-6")).toList();
        List<Request> withoutJ5 = calls.stream().filter(c -> !Workload.idOf(c.payload()).equals("j-5")).toList();

        assertThat(Ledger.claimedWithoutCall(before, after, withoutJ6)).containsExactly("j-6 recorded without a call");
        assertThat(Ledger.claimedWithoutCall(before, after, withoutJ5)).containsExactly("j-5 forgotten without a call");
    }

    @Test
    void theNextRunMaySendOnlyPendingCallsAndWhatIsNotSettled() {
        assertThat(Ledger.needlessSends(calls, List.of(), after, wanted)).hasSize(Workload.CALLS);

        State killed = after.without("j-6").withPending(pending("j-6"));
        List<Request> resend = calls.stream().filter(c -> Workload.idOf(c.payload()).equals("j-6")).toList();
        assertThat(Ledger.needlessSends(resend, calls, killed, wanted)).isEmpty();
        assertThat(Ledger.pendingNotResentOnce(killed, resend)).isEmpty();
        assertThat(Ledger.pendingNotResentOnce(killed, List.of()))
                .containsExactly("j-6 create pending, sent again 0 times");

        State unsent = after.without("j-6");
        assertThat(Ledger.needlessSends(resend, List.of(), unsent, wanted)).as("j-6 still to create").isEmpty();
        assertThat(Ledger.needlessSends(resend, calls, unsent, wanted)).as("sent already, not pending")
                .containsExactly("j-6 create to fn");
    }

    /** The pending record of {@code id}'s call in this run, as the journal writes it before sending it. */
    private PendingCall pending(String id) {
        Request call = calls.stream().filter(c -> Workload.idOf(c.payload()).equals(id)).findFirst().orElseThrow();
        return new PendingCall(id, after.get(id).orElseThrow().target(), Workload.eventOf(call.payload()),
                call.payload(), InvocationType.RequestResponse, Instant.parse("2026-01-01T00:00:00Z"),
                after.get(id).orElseThrow());
    }
}
