package io.github.lambdainvocation.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.model.ApplyReport;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.plan.Plan;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MavenEventsTest {

    /** Keeps every line, debug ones too, each with its level. */
    private static final class AllLevels implements Console {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String message) {
            lines.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
            lines.add("DEBUG " + message);
        }
    }

    private static final Target FN = new Target("fn", "$LATEST", "eu-west-1");

    /** A value of each type an event record holds; a new type makes the test say which to add. */
    private static Object sample(Class<?> type, Class<?> event) {
        if (type == String.class) {
            return "x";
        } else if (type == int.class) {
            return 1;
        } else if (type == boolean.class) {
            return false;
        } else if (type == Duration.class) {
            return Duration.ofSeconds(1);
        } else if (type == Path.class) {
            return Path.of("target", "p.json");
        } else if (type == Target.class) {
            return FN;
        } else if (type == Event.Goal.class) {
            return Event.Goal.INVOKE;
        } else if (type == Plan.class) {
            return new Plan(List.of());
        } else if (type == ApplyReport.class) {
            return new ApplyReport(Map.of(), 0, State.empty());
        } else if (type == PendingCall.class) {
            return new PendingCall("seed", FN, "create", "{}", InvocationType.RequestResponse,
                    Instant.parse("2026-12-01T10:00:00Z"), null);
        }
        throw new AssertionError("add a sample " + type.getName() + " for " + event.getSimpleName());
    }

    private static Event instance(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(types[i], type);
        }
        return (Event) type.getDeclaredConstructor(types).newInstance(values);
    }

    @Test
    void everyEventHasALineOfItsOwnNotItsToString() throws ReflectiveOperationException {
        Class<?>[] events = Event.class.getPermittedSubclasses();
        assertThat(events).hasSizeGreaterThan(30);
        for (Class<?> type : events) {
            Event event = instance(type);
            AllLevels console = new AllLevels();

            new MavenEvents(console).on(event);

            assertThat(console.lines).as(type.getSimpleName()).isNotEmpty()
                    .noneMatch(line -> line.contains(event.toString()));
        }
    }

    @Test
    void aLogTailIsInfoOnlyWhenLogsArePrinted() {
        AllLevels quiet = new AllLevels();
        AllLevels printing = new AllLevels();

        new MavenEvents(quiet).on(new Event.LogTail("seed", "one"));
        new MavenEvents(printing, true).on(new Event.LogTail("seed", "one"));

        assertThat(quiet.lines).singleElement().asString().startsWith("DEBUG   seed: log tail:");
        assertThat(printing.lines).singleElement().asString().startsWith("INFO   seed: log tail:");
    }
}
