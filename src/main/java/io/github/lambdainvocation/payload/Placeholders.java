package io.github.lambdainvocation.payload;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.json.JsonValue.JsonString;
import io.github.lambdainvocation.model.DesiredInvocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values from the results of other invocations, written inside the JSON strings of an input:
 *
 * <ul>
 *   <li>{@code "@{register-tenant}"}: the whole result of {@code register-tenant};</li>
 *   <li>{@code "@{register-tenant#/tenant/id}"}: the value at that JSON pointer (RFC 6901) of its result.</li>
 * </ul>
 *
 * A string that is exactly one placeholder becomes the value itself (a number stays a number, an object an
 * object); a placeholder inside a longer string is replaced by the value's text. <code>@@&#123;</code> writes
 * a literal <code>@&#123;</code>. Maven's own {@code ${…}} interpolation leaves these alone, so they survive into
 * the plugin, which resolves them when the invocation runs, after the invocations it refers to. Pure.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!@)@\\{([A-Za-z0-9._-]{1,128})(?:#([^}]*))?}");

    /** One placeholder: the invocation it reads and the pointer into its result ("" for the whole result). */
    public record Reference(String id, String pointer) {
        @Override
        public String toString() {
            return "@{" + id + (pointer.isEmpty() ? "" : "#" + pointer) + "}";
        }
    }

    private Placeholders() {}

    /** Every placeholder in the strings of {@code input}. */
    public static Set<Reference> find(JsonValue input) {
        Set<Reference> found = new LinkedHashSet<>();
        collect(input, found);
        return found;
    }

    /** Whether the input of {@code d} reads the results of other invocations. */
    public static boolean readsResults(DesiredInvocation d) {
        return !find(d.spec().input()).isEmpty();
    }

    /**
     * {@code d} with its placeholders replaced by the results of the invocations it reads; a CREATE_ONLY or
     * EVERY_RUN input with placeholders is then sent as compact JSON rather than as written.
     *
     * @throws IllegalArgumentException naming the placeholder when its value cannot be found
     */
    public static DesiredInvocation resolve(DesiredInvocation d, Function<String, String> resultOf) {
        if (!readsResults(d)) {
            return d;
        }
        JsonValue value = resolve(d.spec().input(), resultOf);
        return d.with(d.spec().withInput(value), Json.write(value));
    }

    /** A problem of a placeholder's pointer (not a pointer), or null when it is fine. */
    public static String pointerProblem(Reference reference) {
        if (reference.pointer().isEmpty()) {
            return null;
        }
        String problem = Json.pointerProblem(reference.pointer());
        return problem == null ? null : reference + " has a JSON pointer that is not one (" + problem + "); pointers"
                + " start with '/', for example @{" + reference.id() + "#/tenant/id}";
    }

    /**
     * {@code input} with every placeholder replaced.
     *
     * @param resultOf the current result of an invocation id (its raw response payload)
     * @throws IllegalArgumentException naming the placeholder when its value cannot be found
     */
    public static JsonValue resolve(JsonValue input, Function<String, String> resultOf) {
        return replace(input, text -> substitute(text, resultOf));
    }

    /** The values of {@code outputs} (name → JSON pointer) in {@code result}. */
    public static Map<String, JsonValue> outputs(String id, String result, Map<String, String> outputs) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            String name = output.getKey();
            String pointer = output.getValue();
            values.put(name, valueAt(id, result, pointer, "its output '" + name + "' (" + pointer + ")"));
        }
        return values;
    }

    /** A value as it reads in a property or inside a longer string: strings without quotes, the rest as JSON. */
    public static String text(JsonValue value) {
        return value instanceof JsonString string ? string.value() : Json.write(value);
    }

    private static JsonValue substitute(String text, Function<String, String> resultOf) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            return value(whole, resultOf);
        }
        if (!text.contains("@{")) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(text(value(m, resultOf))));
        }
        m.appendTail(out);
        return new JsonString(out.toString().replace("@@{", "@{"));
    }

    private static JsonValue value(Matcher m, Function<String, String> resultOf) {
        String id = m.group(1);
        String pointer = m.group(2) == null ? "" : m.group(2);
        String result = resultOf.apply(id);
        if (result == null) {
            throw new IllegalArgumentException(m.group() + ": '" + id + "' has no result to read (it is not"
                    + " recorded, or it was invoked asynchronously)");
        }
        return valueAt(id, result, pointer, m.group());
    }

    private static JsonValue valueAt(String id, String result, String pointer, String what) {
        JsonValue parsed;
        try {
            parsed = Json.parse(result);
        } catch (JsonSyntaxException e) {
            if (pointer.isEmpty()) {
                return new JsonString(result);
            }
            throw new IllegalArgumentException(what + ": the result of '" + id + "' is not JSON, so a pointer"
                    + " cannot read it");
        }
        if (pointer.isEmpty()) {
            return parsed;
        }
        JsonValue at = Json.at(parsed, pointer);
        if (at == null) {
            throw new IllegalArgumentException(what + " matches nothing in the result of '" + id + "'");
        }
        return at;
    }

    /** Applies {@code change} to every string value; a null from it keeps the string. */
    private static JsonValue replace(JsonValue node, Function<String, JsonValue> change) {
        if (node instanceof JsonString string) {
            JsonValue changed = change.apply(string.value());
            if (changed != null) {
                return changed;
            }
            return string.value().contains("@@{") ? new JsonString(string.value().replace("@@{", "@{")) : node;
        }
        if (node instanceof JsonObject object) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                members.put(member.getKey(), replace(member.getValue(), change));
            }
            return new JsonObject(members);
        }
        if (node instanceof JsonArray array) {
            List<JsonValue> elements = new ArrayList<>();
            for (JsonValue element : array.elements()) {
                elements.add(replace(element, change));
            }
            return new JsonArray(elements);
        }
        return node;
    }

    /** Adds the placeholders in the strings of {@code node}, depth first, to {@code found}. */
    private static void collect(JsonValue node, Set<Reference> found) {
        if (node instanceof JsonString string) {
            Matcher m = PLACEHOLDER.matcher(string.value());
            while (m.find()) {
                found.add(new Reference(m.group(1), m.group(2) == null ? "" : m.group(2)));
            }
        } else if (node instanceof JsonObject object) {
            for (JsonValue child : object.members().values()) {
                collect(child, found);
            }
        } else if (node instanceof JsonArray array) {
            for (JsonValue child : array.elements()) {
                collect(child, found);
            }
        }
    }
}
