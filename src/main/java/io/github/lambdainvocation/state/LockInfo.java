package io.github.lambdainvocation.state;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Who holds a state lock: the body of the lock object.
 *
 * @param lockId a random id; only the holder (or force-unlock with this id) removes the lock
 * @param who {@code user@host}
 * @param goal the goal that took it ({@code invoke}, {@code destroy}...)
 * @param project {@code groupId:artifactId} of the build
 * @param pluginVersion the plugin version
 * @param created when it was taken
 */
public record LockInfo(String lockId, String who, String goal, String project, String pluginVersion,
        Instant created) {

    /** A new lock of this build, with a fresh id. */
    public static LockInfo create(String who, String goal, String project, String pluginVersion, Instant now) {
        return new LockInfo(UUID.randomUUID().toString(), who, goal, project, pluginVersion, now);
    }

    public byte[] toJson() {
        JsonObject n = JsonObject.builder()
                .put("lockId", lockId)
                .put("who", who)
                .put("goal", goal)
                .put("project", project)
                .put("pluginVersion", pluginVersion)
                .put("created", created.toString())
                .build();
        return (Json.writePretty(n) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a lock body; an unreadable one becomes a lock of unknown holder (it still blocks). */
    public static LockInfo fromJson(byte[] bytes) {
        try {
            JsonValue n = Json.parse(new String(bytes, StandardCharsets.UTF_8));
            Instant created;
            try {
                created = Instant.parse(text(n, "created"));
            } catch (RuntimeException e) {
                created = null;
            }
            return new LockInfo(text(n, "lockId"), text(n, "who"), text(n, "goal"), text(n, "project"),
                    text(n, "pluginVersion"), created);
        } catch (JsonSyntaxException e) {
            return new LockInfo("?", "?", "?", "?", "?", null);
        }
    }

    /** The text of member {@code key}, or "?" when the body has no such string. */
    private static String text(JsonValue body, String key) {
        String text = body.text(key);
        return text == null ? "?" : text;
    }

    /** "ci@runner-7 (invoke of com.acme:shop, plugin 0.1.0) since 2026-11-27T10:00:00Z, lock id 1b2c…". */
    public String describe() {
        return holder() + ", lock id " + lockId;
    }

    /** {@link #describe()} without the lock id. */
    public String holder() {
        return who + " (" + goal + " of " + project + ", plugin " + pluginVersion + ") since "
                + (created == null ? "an unknown time" : created.toString());
    }
}
