package io.github.lambdainvocation.apply;

import io.github.lambdainvocation.model.ApplyReport;
import static io.github.lambdainvocation.testing.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.lambdainvocation.testing.Rendered.assertThatThrownBy;

import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.model.Action;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {

    /** A store that keeps every state written, and fails when told to. */
    static final class Writes implements StateStore {
        final List<State> written = new ArrayList<>();
        boolean fail;

        @Override
        public String location() {
            return "memory";
        }

        @Override
        public State read() {
            return written.isEmpty() ? State.empty() : written.get(written.size() - 1);
        }

        @Override
        public boolean exists() {
            return !written.isEmpty();
        }

        @Override
        public void write(State state) {
            if (fail) {
                throw new StateException("disk full", false);
            }
            written.add(state);
        }

        @Override
        public Lock lock() {
            return () -> {};
        }
    }

    private static PendingCall pending(String id) {
        return new PendingCall(id, new Target("fn", "$LATEST", null), "create", "{}", InvocationType.RequestResponse,
                Instant.EPOCH, record(id, "{}"));
    }

    @Test
    void aCallIsWrittenAsPendingBeforeItIsSentAndItsOutcomeGoesWithTheNextWrite() {
        Writes store = new Writes();
        Journal journal = new Journal(store, State.empty());

        journal.begin(List.of(pending("a")));
        assertThat(store.written).hasSize(1);
        assertThat(store.written.get(0).pending()).containsOnlyKeys("a");

        journal.succeed("a", s -> s.with(record("a", "{}")));
        assertThat(store.written).as("an outcome alone is not written at once").hasSize(1);

        journal.begin(List.of(pending("b")));
        State second = store.written.get(1);
        assertThat(second.pending()).containsOnlyKeys("b");
        assertThat(second.get("a")).as("the outcome of a rides with b's pending record").isPresent();
    }

    @Test
    void flushWritesOnlyWhatIsNotWrittenYet() {
        Writes store = new Writes();
        Journal journal = new Journal(store, State.empty());

        journal.flush();
        assertThat(store.written).isEmpty();

        journal.change(s -> s.with(record("a", "{}")));
        journal.flush();
        journal.flush();
        assertThat(store.written).hasSize(1);

        journal.change(s -> s); // no change: nothing to write
        journal.flush();
        assertThat(store.written).hasSize(1);
    }

    @Test
    void aCallThatCertainlyDidNotRunLeavesNoPendingRecord() {
        Writes store = new Writes();
        Journal journal = new Journal(store, State.empty());
        journal.begin(List.of(pending("a")));

        journal.abandon("a");
        journal.flush();

        assertThat(store.read().pending()).isEmpty();
        assertThat(journal.report().calls()).isZero();
    }

    @Test
    void theReportCountsChangesAndSuccessfulCalls() {
        Journal journal = new Journal(new Writes(), State.empty());
        journal.begin(List.of(pending("a")));
        journal.succeed("a", s -> s.with(record("a", "{}")));
        journal.count(Action.CREATE);
        journal.count(Action.NO_OP);

        ApplyReport report = journal.report();

        assertThat(report.calls()).isEqualTo(1);
        assertThat(report.applied()).containsEntry(Action.CREATE, 1).containsEntry(Action.NO_OP, 1);
        assertThat(report.state().get("a")).isPresent();
    }

    @Test
    void aStateThatCannotBeWrittenFailsWithWhatWasDoneBefore() {
        Writes store = new Writes();
        Journal journal = new Journal(store, State.empty());
        journal.begin(List.of(pending("a")));
        journal.succeed("a", s -> s.with(record("a", "{}")));
        journal.count(Action.CREATE);
        store.fail = true;

        assertThatThrownBy(() -> journal.begin(List.of(pending("b"))))
                .isInstanceOf(ApplyFailedException.class)
                .hasMessageContaining("could not be written while recording that 'b' is being invoked: disk full")
                .hasMessageContaining("Before the failure: 1 created")
                .satisfies(e -> assertThat(((ApplyFailedException) e).partial().calls()).isEqualTo(1));
    }
}
