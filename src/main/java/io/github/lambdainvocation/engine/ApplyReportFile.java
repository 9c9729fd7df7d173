package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.apply.RunLog;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.files.PrivateFiles;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code apply.json} in the output directory: what an invoke or destroy run did with each planned change, for
 * pipelines to read. Opened when applying starts and written when it is closed, however the run ended (done,
 * failed, stopped), atomically and readable by the owner only. Never a payload or a result; a sensitive
 * invocation's failure message only as its digest. A plan without changes writes nothing.
 */
final class ApplyReportFile implements AutoCloseable {

    /** Raised when a reader must refuse the file: a field was removed or its meaning changed. */
    static final int SCHEMA_VERSION = 1;

    static final String NAME = "apply.json";

    private final Path file;
    private final Event.Goal goal;
    private final String stateLocation;
    private final Plan plan;
    private final Clock clock;
    private final UnaryOperator<String> wording;
    private final Listener events;
    private final RunLog log;

    /**
     * @param wording renders the setting tokens of failure messages as the user writes the settings
     */
    ApplyReportFile(Path outputDirectory, Event.Goal goal, String stateLocation, Plan plan, Clock clock,
            UnaryOperator<String> wording, Listener events) {
        this.file = outputDirectory.resolve(NAME);
        this.goal = goal;
        this.stateLocation = stateLocation;
        this.plan = plan;
        this.clock = clock;
        this.wording = wording;
        this.events = events;
        this.log = new RunLog(plan, clock);
    }

    /** Where the run notes what becomes of each change. */
    RunLog log() {
        return log;
    }

    /** Writes the report as the run stands now. */
    @Override
    public void close() {
        if (plan.changes().isEmpty()) {
            return;
        }
        byte[] bytes = (Json.writePretty(json(goal, stateLocation, log.began(), clock.instant(), log.entries(),
                wording)) + "\n").getBytes(StandardCharsets.UTF_8);
        // a stopped run arrives here with its thread interrupted, which would close the file channel at once:
        // the report of that run is written all the same, and the interrupt kept for whoever stops the build
        boolean interrupted = Thread.interrupted();
        try {
            PrivateFiles.writeAtomically(file, bytes);
        } catch (IOException e) {
            // what the run did is recorded in the state: the report's failure must not hide that, nor leave the
            // report of an earlier run in its place
            events.on(new Event.ApplyReportNotWritten(file, e.toString() + removeOld()));
            return;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        events.on(new Event.ApplyReportWritten(file));
    }

    /** Removes the report of an earlier run; says why it could not. */
    private String removeOld() {
        try {
            java.nio.file.Files.deleteIfExists(file);
            return "";
        } catch (IOException e) {
            return "; the report of an earlier run is still there: " + e;
        }
    }

    /** The report's JSON. */
    static JsonObject json(Event.Goal goal, String stateLocation, Instant began, Instant ended,
            List<RunLog.Entry> entries, UnaryOperator<String> wording) {
        Map<RunLog.Outcome, Integer> counts = new EnumMap<>(RunLog.Outcome.class);
        for (RunLog.Outcome outcome : RunLog.Outcome.values()) {
            counts.put(outcome, 0);
        }
        List<JsonValue> changes = new ArrayList<>();
        int attempts = 0;
        for (RunLog.Entry entry : entries) {
            counts.put(entry.outcome(), counts.get(entry.outcome()) + 1);
            attempts += entry.attempts();
            changes.add(change(entry, wording));
        }
        JsonObject.Builder summary = JsonObject.builder();
        for (Map.Entry<RunLog.Outcome, Integer> count : counts.entrySet()) {
            summary.put(count.getKey().label(), count.getValue());
        }
        summary.put("attempts", attempts);
        return JsonObject.builder()
                .put("schemaVersion", SCHEMA_VERSION)
                .put("goal", goal.name().toLowerCase(Locale.ROOT))
                .put("state", stateLocation)
                .put("startedAt", began.toString())
                .put("finishedAt", ended.toString())
                .put("changes", new JsonArray(changes))
                .put("summary", summary.build())
                .build();
    }

    private static JsonObject change(RunLog.Entry entry, UnaryOperator<String> wording) {
        return JsonObject.builder()
                .put("id", entry.id())
                .put("action", entry.action().label())
                .putStrings("reasons", entry.reasons())
                .put("outcome", entry.outcome().label())
                .put("start", entry.start() == null ? null : entry.start().toString())
                .put("durationMs", entry.duration() == null ? JsonValue.NULL : JsonValue.of(entry.duration().toMillis()))
                .put("attempts", entry.attempts())
                .put("executedVersion", entry.executedVersion())
                .put("error", entry.failure() == null ? JsonValue.NULL : error(entry, wording))
                .build();
    }

    private static JsonObject error(RunLog.Entry entry, UnaryOperator<String> wording) {
        RunLog.Failure failure = entry.failure();
        String message = wording.apply(failure.message());
        JsonObject.Builder error = JsonObject.builder()
                .put("type", failure.type().label())
                .put("functionErrorType", failure.functionErrorType());
        return entry.sensitive()
                ? error.put("messageSha256", Digests.sha256(message == null ? "" : message)).build()
                : error.put("message", message).build();
    }
}
