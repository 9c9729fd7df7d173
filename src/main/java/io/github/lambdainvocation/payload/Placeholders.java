package io.github.lambdainvocation.payload;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.model.DesiredInvocation;
import java.util.LinkedHashSet;
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
    public static Set<Reference> find(JsonNode input) {
        Set<Reference> found = new LinkedHashSet<>();
        walk(input, text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                found.add(new Reference(m.group(1), m.group(2) == null ? "" : m.group(2)));
            }
            return null;
        });
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
        JsonNode value = resolve(d.spec().input(), resultOf);
        return d.with(d.spec().withInput(value), Json.write(value));
    }

    /** A problem of a placeholder's pointer (not a pointer), or null when it is fine. */
    public static String pointerProblem(Reference reference) {
        if (reference.pointer().isEmpty()) {
            return null;
        }
        try {
            JsonPointer.compile(reference.pointer());
            return null;
        } catch (IllegalArgumentException e) {
            return reference + " has a JSON pointer that is not one (" + e.getMessage() + "); pointers start with"
                    + " '/', for example @{" + reference.id() + "#/tenant/id}";
        }
    }

    /**
     * {@code input} with every placeholder replaced.
     *
     * @param resultOf the current result of an invocation id (its raw response payload)
     * @throws IllegalArgumentException naming the placeholder when its value cannot be found
     */
    public static JsonNode resolve(JsonNode input, Function<String, String> resultOf) {
        return replace(input.deepCopy(), text -> substitute(text, resultOf));
    }

    /** The values of {@code outputs} (name → JSON pointer) in {@code result}. */
    public static Map<String, JsonNode> outputs(String id, String result, Map<String, String> outputs) {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        outputs.forEach((name, pointer) -> values.put(name,
                valueAt(id, result, pointer, "its output '" + name + "' (" + pointer + ")")));
        return values;
    }

    /** A value as it reads in a property or inside a longer string: strings without quotes, the rest as JSON. */
    public static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : Json.write(value);
    }

    private static JsonNode substitute(String text, Function<String, String> resultOf) {
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
        return new TextNode(out.toString().replace("@@{", "@{"));
    }

    private static JsonNode value(Matcher m, Function<String, String> resultOf) {
        String id = m.group(1);
        String pointer = m.group(2) == null ? "" : m.group(2);
        String result = resultOf.apply(id);
        if (result == null) {
            throw new IllegalArgumentException(m.group() + ": '" + id + "' has no result to read (it is not"
                    + " recorded, or it was invoked asynchronously)");
        }
        return valueAt(id, result, pointer, m.group());
    }

    private static JsonNode valueAt(String id, String result, String pointer, String what) {
        JsonNode parsed;
        try {
            parsed = Json.parse(result);
        } catch (JsonSyntaxException e) {
            if (pointer.isEmpty()) {
                return new TextNode(result);
            }
            throw new IllegalArgumentException(what + ": the result of '" + id + "' is not JSON, so a pointer"
                    + " cannot read it");
        }
        if (pointer.isEmpty()) {
            return parsed;
        }
        JsonNode at = parsed.at(JsonPointer.compile(pointer));
        if (at.isMissingNode()) {
            throw new IllegalArgumentException(what + " matches nothing in the result of '" + id + "'");
        }
        return at;
    }

    /** Applies {@code change} to every string value; a null from it keeps the string. */
    private static JsonNode replace(JsonNode node, Function<String, JsonNode> change) {
        if (node.isTextual()) {
            JsonNode changed = change.apply(node.asText());
            if (changed != null) {
                return changed;
            }
            return node.asText().contains("@@{") ? new TextNode(node.asText().replace("@@{", "@{")) : node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.properties().forEach(e -> e.setValue(replace(e.getValue(), change)));
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replace(array.get(i), change));
            }
            return array;
        }
        return node;
    }

    private static void walk(JsonNode node, Function<String, Void> visit) {
        if (node.isTextual()) {
            visit.apply(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> walk(child, visit));
        }
    }
}
