package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.files.PrivateFiles;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonBoolean;
import io.github.lambdainvocation.json.JsonValue.JsonNumber;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.json.JsonValue.JsonString;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.payload.PayloadBuilder;
import io.github.lambdainvocation.payload.PlannedCall;
import io.github.lambdainvocation.plan.Plan;
import io.github.lambdainvocation.plan.PlanReport;
import io.github.lambdainvocation.plan.PlannedChange;
import io.github.lambdainvocation.state.StateCodec;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plan saved by {@code status} for a later {@code invoke} to apply exactly, like Terraform's
 * {@code plan -out}: each change with its calls and their exact payloads (only a digest for sensitive
 * invocations; nothing for calls decided when they run), the replace ids, the state's version, the
 * configuration's digests and the plugin version, closed by a checksum of the file's own content.
 *
 * <pre>{@code
 * {"kind": "lambda-invocation-plan", "formatVersion": 1, "pluginVersion": "0.2.0", "createdAt": "...",
 *  "state": {"location": "...", "version": "sha256:... | <ETag> | none"},
 *  "replace": ["a"],
 *  "configuration": {"sha256": "sha256:...", "invocations": {"a": "sha256:..."}},
 *  "summary": "Plan: ...",
 *  "changes": [{"id": "a", "action": "create", "reasons": ["new"], "sensitive": false, "deferred": false,
 *               "calls": [{"event": "create", "functionName": "fn", "qualifier": "$LATEST", "region": null,
 *                          "payload": "{...}", "payloadSha256": "sha256:..."}]}],
 *  "checksum": "sha256:<of the compact JSON of everything above>"}
 * }</pre>
 */
public final class SavedPlan {

    static final String KIND = "lambda-invocation-plan";
    static final int FORMAT_VERSION = 1;

    /**
     * One call of a saved change.
     *
     * @param payload the exact payload as text; null when sensitive or decided when it runs
     * @param payloadSha256 the payload's digest; null when decided when it runs
     */
    record Call(String event, Target target, String payload, String payloadSha256) {

        /** The call as messages show it: never the payload itself. */
        String describe() {
            return event + " " + target.describe() + (payloadSha256 == null ? " (payload decided when it runs)"
                    : " (payload " + payloadSha256 + ")");
        }
    }

    /** One saved change. */
    record Change(String id, String action, List<String> reasons, boolean sensitive, boolean deferred,
            List<Call> calls) {

        Change {
            reasons = List.copyOf(reasons);
            calls = List.copyOf(calls);
        }

        /** Whether applying {@code other} does the same as this: sensitivity is only how it is shown. */
        boolean sameAs(Change other) {
            return id.equals(other.id) && action.equals(other.action) && reasons.equals(other.reasons)
                    && deferred == other.deferred && calls.equals(other.calls);
        }

        String describe() {
            return action + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")")
                    + (calls.isEmpty() ? " without a call" : ": " + String.join(", then ",
                            calls.stream().map(Call::describe).toList()));
        }
    }

    private final Path file;
    private final String pluginVersion;
    private final String stateLocation;
    private final String stateVersion;
    private final List<String> replace;
    private final SortedMap<String, String> configuration;
    private final List<Change> changes;
    private final JsonObject content;

    private SavedPlan(Path file, String pluginVersion, String stateLocation, String stateVersion,
            List<String> replace, SortedMap<String, String> configuration, List<Change> changes, JsonObject content) {
        this.file = file;
        this.pluginVersion = pluginVersion;
        this.stateLocation = stateLocation;
        this.stateVersion = stateVersion;
        this.replace = List.copyOf(replace);
        this.configuration = new TreeMap<>(configuration);
        this.changes = List.copyOf(changes);
        this.content = content;
    }

    /**
     * The saved form of {@code plan}, to be written to {@code file}.
     *
     * @param configuration the digest of each configured invocation ({@link ConfigurationDigest#of})
     * @param stateVersion the version of the state the plan was made from ({@code StateStore.version()})
     */
    static SavedPlan of(Path file, Plan plan, SortedMap<String, String> configuration, List<String> replace,
            String stateLocation, String stateVersion, String pluginVersion, Instant createdAt) {
        List<Change> changes = changes(plan);
        List<String> sortedReplace = List.copyOf(new TreeSet<>(replace));
        JsonObject body = JsonObject.builder()
                .put("kind", KIND)
                .put("formatVersion", FORMAT_VERSION)
                .put("pluginVersion", pluginVersion)
                .put("createdAt", createdAt.toString())
                .put("state", JsonObject.builder().put("location", stateLocation).put("version", stateVersion)
                        .build())
                .putStrings("replace", sortedReplace)
                .put("configuration", JsonObject.builder()
                        .put("sha256", ConfigurationDigest.overall(configuration))
                        .put("invocations", strings(configuration))
                        .build())
                .put("summary", PlanReport.summary(plan))
                .put("changes", new JsonArray(changes.stream().<JsonValue>map(SavedPlan::json).toList()))
                .build();
        JsonObject content = body.with("checksum", JsonValue.of(checksum(body)));
        return new SavedPlan(file, pluginVersion, stateLocation, stateVersion, sortedReplace, configuration, changes,
                content);
    }

    /** The changes of {@code plan} as a saved plan holds them. */
    static List<Change> changes(Plan plan) {
        List<Change> changes = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            List<Call> calls = new ArrayList<>();
            for (PlannedCall call : c.calls()) {
                if (c.deferred()) {
                    calls.add(new Call(call.event(), call.target(), null, null));
                } else {
                    byte[] payload = PayloadBuilder.build(call);
                    calls.add(new Call(call.event(), call.target(),
                            c.sensitive() ? null : new String(payload, StandardCharsets.UTF_8),
                            Digests.sha256(payload)));
                }
            }
            changes.add(new Change(c.id(), c.action().label(), c.reasons(), c.sensitive(), c.deferred(), calls));
        }
        return changes;
    }

    /** The file this plan was read from or is written to. */
    public Path file() {
        return file;
    }

    /** The ids the plan was made to replace. */
    public List<String> replace() {
        return replace;
    }

    String stateVersion() {
        return stateVersion;
    }

    List<Change> savedChanges() {
        return changes;
    }

    /** The file's text: pretty, for the people who approve it. */
    String text() {
        return Json.writePretty(content) + "\n";
    }

    /** Writes the plan, readable by its owner only (payloads may hold data), replacing the file atomically. */
    void write() {
        try {
            PrivateFiles.writeAtomically(file, text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StateException("The plan could not be saved to " + file + ": " + e, false, e);
        }
    }

    /**
     * The saved plan in {@code file}, refused when it is no plan, was changed or cut off since it was written, or
     * was written by another version of the plugin.
     */
    public static SavedPlan read(Path file, String pluginVersion) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw refused(file, "does not exist");
        } catch (IOException e) {
            throw refused(file, "cannot be read: " + e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(file, "is not a saved plan: it is not UTF-8 text");
        }
        JsonValue root;
        try {
            root = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw refused(file, "is not a saved plan, or was cut off: it is not valid JSON (line " + e.line()
                    + ", column " + e.column() + ": " + e.problem() + ")");
        }
        if (!(root instanceof JsonObject object) || !KIND.equals(object.text("kind"))) {
            throw refused(file, "is not a saved plan: it has no \"kind\": \"" + KIND + "\"");
        }
        if (!(object.get("formatVersion") instanceof JsonNumber n) || !Integer.valueOf(FORMAT_VERSION)
                .equals(n.intValue())) {
            throw refused(file, "has a format this plugin does not read (formatVersion "
                    + Json.write(object.get("formatVersion") == null ? JsonValue.NULL : object.get("formatVersion"))
                    + ", known: " + FORMAT_VERSION + ")");
        }
        String checksum = object.text("checksum");
        Map<String, JsonValue> body = new LinkedHashMap<>(object.members());
        body.remove("checksum");
        if (checksum == null || !checksum.equals(checksum(new JsonObject(body)))) {
            throw refused(file, "was changed since it was written (its checksum does not match its content)");
        }
        String writtenBy = object.text("pluginVersion");
        if (!pluginVersion.equals(writtenBy)) {
            throw refused(file, "was written by version " + writtenBy + " of the plugin, and this is version "
                    + pluginVersion + ": " + again(file));
        }
        try {
            JsonObject state = (JsonObject) object.get("state");
            JsonObject configuration = (JsonObject) object.get("configuration");
            SortedMap<String, String> digests = new TreeMap<>();
            ((JsonObject) configuration.get("invocations")).members().forEach((id, digest) ->
                    digests.put(id, ((JsonString) digest).value()));
            List<Change> changes = new ArrayList<>();
            for (JsonValue change : ((JsonArray) object.get("changes")).elements()) {
                changes.add(change((JsonObject) change));
            }
            return new SavedPlan(file, writtenBy, required(state, "location"), required(state, "version"),
                    strings(object.get("replace")), digests, changes, object);
        } catch (ClassCastException | NullPointerException | StateException e) {
            throw refused(file, "is not a saved plan this plugin can read: a field is missing or of the wrong type");
        }
    }

    /**
     * The options of a run applying this plan: its replace ids. Refuses other ids to replace given to the run.
     */
    InvocationEngine.RunOptions options(InvocationEngine.RunOptions given) {
        if (!given.replace().isEmpty() && !given.replace().equals(new TreeSet<>(replace))) {
            throw refused(file, "was made to replace " + replace + ", and this run is asked to replace "
                    + new TreeSet<>(given.replace()) + ": a saved plan brings its own {{-replace}}; run without it,"
                    + " or " + again(file));
        }
        return given.withReplace(new TreeSet<>(replace));
    }

    /** {@link #checkState}, then {@link #checkPlan}. */
    void check(StateStore store, List<DesiredInvocation> desired, Plan plan) {
        checkState(store);
        checkPlan(ConfigurationDigest.of(desired), plan);
    }

    /** {@link #checkState(String, String)} of {@code store} as it was last read. */
    void checkState(StateStore store) {
        checkState(store.location(), store.version());
    }

    /**
     * Refuses, naming what changed, unless the state is still the version the plan was made from: checked first,
     * under the state's lock.
     */
    void checkState(String location, String version) {
        if (!stateLocation.equals(location)) {
            throw refused(file, "was made for the state " + stateLocation + ", and this run uses the state "
                    + location + ": " + again(file));
        }
        if (!stateVersion.equals(version)) {
            throw refused(file, "was made from another version of the state: " + location + " has changed since"
                    + " (version then: " + stateVersion + ", now: " + version + "). " + capitalized(again(file)));
        }
    }

    /**
     * Refuses, naming the ids, unless the configuration and the freshly computed {@code plan} are the ones saved:
     * so that applying {@code plan} applies exactly what was saved and nothing else.
     */
    void checkPlan(SortedMap<String, String> nowConfigured, Plan plan) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> saved : configuration.entrySet()) {
            String now = nowConfigured.get(saved.getKey());
            if (now == null) {
                problems.add("invocation '" + saved.getKey() + "' was configured when the plan was made, and is"
                        + " no longer");
            } else if (!now.equals(saved.getValue())) {
                problems.add("invocation '" + saved.getKey() + "' is configured differently now");
            }
        }
        nowConfigured.keySet().stream().filter(id -> !configuration.containsKey(id)).forEach(id -> problems.add(
                "invocation '" + id + "' is configured now, and was not when the plan was made"));
        if (!problems.isEmpty()) {
            throw refused(problems, "The configuration changed since the saved plan " + file + " was made");
        }
        List<Change> fresh = changes(plan);
        Map<String, Change> freshById = new LinkedHashMap<>();
        fresh.forEach(c -> freshById.put(c.id(), c));
        Map<String, Change> savedById = new LinkedHashMap<>();
        changes.forEach(c -> savedById.put(c.id(), c));
        for (Change saved : changes) {
            Change now = freshById.get(saved.id());
            if (now == null) {
                problems.add("invocation '" + saved.id() + "': the plan has " + saved.describe()
                        + ", and nothing is planned for it now");
            } else if (!now.sameAs(saved)) {
                problems.add("invocation '" + saved.id() + "': the plan has " + saved.describe() + ", and now it is "
                        + now.describe());
            }
        }
        fresh.stream().filter(c -> !savedById.containsKey(c.id())).forEach(c -> problems.add("invocation '"
                + c.id() + "': not in the plan, and now " + c.describe()));
        if (problems.isEmpty() && !fresh.stream().map(Change::id).toList()
                .equals(changes.stream().map(Change::id).toList())) {
            problems.add("the changes would run in another order: " + fresh.stream().map(Change::id).toList()
                    + " instead of " + changes.stream().map(Change::id).toList());
        }
        if (!problems.isEmpty()) {
            throw refused(problems, "What invoke would do now differs from the saved plan " + file
                    + " (a function's code or a recorded result may have changed)");
        }
    }

    private static ConfigurationException refused(Path file, String why) {
        return new ConfigurationException("The saved plan " + file + " " + why);
    }

    private static ConfigurationException refused(List<String> problems, String heading) {
        List<String> all = new ArrayList<>();
        all.add(heading + "; make a new plan with {{:status}} and {{-planOut}}:");
        all.addAll(problems);
        return new ConfigurationException(all);
    }

    private static String again(Path file) {
        return "make a new plan with {{:status}} {{-planOut=" + file + "}} and apply that one";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String checksum(JsonObject body) {
        return Digests.sha256(Json.write(body));
    }

    private static JsonObject json(Change c) {
        JsonObject.Builder n = JsonObject.builder()
                .put("id", c.id())
                .put("action", c.action())
                .putStrings("reasons", c.reasons())
                .put("sensitive", c.sensitive())
                .put("deferred", c.deferred());
        List<JsonValue> calls = new ArrayList<>();
        for (Call call : c.calls()) {
            JsonObject.Builder k = JsonObject.builder().put("event", call.event());
            StateCodec.target(call.target()).members().forEach(k::put);
            if (call.payloadSha256() == null) {
                k.put("deferred", true);
            } else {
                if (call.payload() != null) {
                    k.put("payload", call.payload());
                }
                k.put("payloadSha256", call.payloadSha256());
            }
            calls.add(k.build());
        }
        return n.put("calls", new JsonArray(calls)).build();
    }

    private static Change change(JsonObject n) {
        List<Call> calls = new ArrayList<>();
        for (JsonValue element : ((JsonArray) n.get("calls")).elements()) {
            JsonObject call = (JsonObject) element;
            Target target = StateCodec.target(call, "a call of '" + required(n, "id") + "'", "the saved plan");
            calls.add(new Call(required(call, "event"), target, call.text("payload"), call.text("payloadSha256")));
        }
        return new Change(required(n, "id"), required(n, "action"), strings(n.get("reasons")),
                ((JsonBoolean) n.get("sensitive")).value(), ((JsonBoolean) n.get("deferred")).value(), calls);
    }

    private static String required(JsonObject n, String field) {
        return ((JsonString) n.get(field)).value();
    }

    private static List<String> strings(JsonValue array) {
        return ((JsonArray) array).elements().stream().map(v -> ((JsonString) v).value()).toList();
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject.Builder n = JsonObject.builder();
        map.forEach(n::put);
        return n.build();
    }
}
