package io.github.lambdainvocation.lambda;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonArray;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.json.JsonValue.JsonString;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.model.Target;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Reads Lambda's answer to a synchronous Invoke: the function's result and log tail, or, when the function
 * itself failed, a {@link FunctionErrorException} with the error type, message and stack trace of its payload.
 */
final class InvokeResponses {

    private InvokeResponses() {}

    /** The result of the call; throws {@link FunctionErrorException} when the function reported an error. */
    static InvocationResult toResult(Target target, InvokeResponse response, int attempts, boolean sensitive) {
        String body = response.payload() == null ? "" : response.payload().asUtf8String();
        String tail = decodeLog(response.logResult());
        if (response.functionError() != null) {
            String type = null;
            String message = null;
            List<String> trace = List.of();
            try {
                JsonValue error = Json.parse(body);
                type = error.text("errorType");
                message = error.text("errorMessage");
                trace = stackTrace(error);
            } catch (JsonSyntaxException e) {
                message = body;
            }
            throw new FunctionErrorException(target, response.functionError(), type, message, tail, trace, body,
                    sensitive).afterAttempts(attempts);
        }
        return new InvocationResult(body, response.executedVersion(), tail, attempts);
    }

    /** Member {@code key} of {@code value} when it is an object, else null. */
    private static JsonValue member(JsonValue value, String key) {
        return value instanceof JsonObject object ? object.get(key) : null;
    }

    /**
     * The lines of the error payload's {@code stackTrace} (Python, Java) or {@code trace} (Node.js) array. An
     * entry may hold several lines (Python's do); one that is not text (older runtimes sent arrays such as
     * {@code [file, line, function, code]}) is shown as its JSON.
     */
    private static List<String> stackTrace(JsonValue error) {
        JsonValue trace = member(error, "stackTrace") instanceof JsonArray array ? array : member(error, "trace");
        List<String> lines = new ArrayList<>();
        for (JsonValue entry : trace instanceof JsonArray array ? array.elements() : List.<JsonValue>of()) {
            String text = entry instanceof JsonString string ? string.value() : Json.write(entry);
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.stripTrailing());
                }
            }
        }
        return lines;
    }

    /** The log tail Lambda sends Base64-encoded; null when there is none or it is not Base64. */
    private static String decodeLog(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
