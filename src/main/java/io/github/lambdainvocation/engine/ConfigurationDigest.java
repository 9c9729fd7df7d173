package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.Digests;
import io.github.lambdainvocation.state.StateCodec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SHA-256 of each configured invocation, over a canonical form of everything the configuration says about
 * it: its spec in the state's own mapping ({@link StateCodec#spec}), and every other component of
 * {@link DesiredInvocation} (read from the record's components, so that one added later is covered without a
 * change here). A saved plan keeps these to tell which invocations changed since.
 */
final class ConfigurationDigest {

    private ConfigurationDigest() {}

    /** Id to digest, sorted by id. */
    static SortedMap<String, String> of(List<DesiredInvocation> desired) {
        SortedMap<String, String> digests = new TreeMap<>();
        desired.forEach(d -> digests.put(d.id(), Digests.sha256(Json.write(canonical(d)))));
        return digests;
    }

    /** The digest of the whole configuration: of the ids and their digests. */
    static String overall(SortedMap<String, String> digests) {
        JsonObject.Builder all = JsonObject.builder();
        digests.forEach(all::put);
        return Digests.sha256(Json.write(all.build()));
    }

    /** The canonical tree of one invocation: its components by name, in declaration order. */
    static JsonObject canonical(DesiredInvocation d) {
        JsonObject.Builder n = JsonObject.builder();
        for (RecordComponent component : DesiredInvocation.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(d);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("a record's accessor is public", e);
            }
            n.put(component.getName(), component.getName().equals("spec")
                    ? StateCodec.spec(d.spec())
                    : value(value));
        }
        return n.build();
    }

    /** A component's value as JSON: maps sorted by key, everything without a JSON type as its text. */
    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean bool) {
            return JsonValue.of(bool);
        }
        if (value instanceof Enum<?> e) {
            return JsonValue.of(e.name());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject.Builder n = JsonObject.builder();
            stringKeys(map).forEach((k, v) -> n.put(k, value(v)));
            return n.build();
        }
        if (value instanceof Collection<?> items) {
            List<JsonValue> elements = new ArrayList<>();
            items.forEach(item -> elements.add(value(item)));
            return new JsonArray(elements);
        }
        return JsonValue.of(String.valueOf(value));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> keyed = new TreeMap<>();
        map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
        return keyed;
    }
}
