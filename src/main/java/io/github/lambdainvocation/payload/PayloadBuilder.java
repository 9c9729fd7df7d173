package io.github.lambdainvocation.payload;

import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.Defaults;
import io.github.lambdainvocation.payload.PlannedCall;
import java.nio.charset.StandardCharsets;

/**
 * Builds the exact request payload of a planned call. Pure.
 *
 * <ul>
 *   <li>RAW (CREATE_ONLY): the input text exactly as written, as UTF-8.</li>
 *   <li>CRUD: a copy of the input object (key order kept) with the lifecycle key set last to
 *       {@code {"action": "create"|"update"|"delete", "prev_input": <previous input or null>}}.</li>
 * </ul>
 */
public final class PayloadBuilder {

    private PayloadBuilder() {}

    /**
     * What is wrong with the size of {@code payload} ("7340032 bytes, over Lambda's limit of ..."), or null when
     * Lambda takes it.
     */
    public static String sizeProblem(byte[] payload) {
        if (payload.length <= Defaults.MAX_SYNC_PAYLOAD_BYTES) {
            return null;
        }
        return payload.length + " bytes, over Lambda's limit of " + Defaults.MAX_SYNC_PAYLOAD_BYTES
                + " bytes (6 MB) for a synchronous invocation";
    }

    public static byte[] build(PlannedCall call) {
        if (call.kind() == PlannedCall.PayloadKind.RAW || call.kind() == PlannedCall.PayloadKind.RESEND) {
            return call.rawText().getBytes(StandardCharsets.UTF_8);
        }
        if (!(call.input() instanceof JsonObject input)) {
            throw new IllegalArgumentException("a CRUD payload needs a JSON object input");
        }
        JsonValue previous = call.previousInput();
        JsonObject lifecycle = JsonObject.builder()
                .put("action", call.event())
                .put("prev_input", previous == null ? JsonValue.NULL : previous)
                .build();
        JsonObject payload = input.with(call.terraformKey(), lifecycle);
        return Json.writeBytes(payload);
    }
}
