package io.github.lambdainvocation.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdainvocation.json.Json;
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
        if (!call.input().isObject()) {
            throw new IllegalArgumentException("a CRUD payload needs a JSON object input");
        }
        ObjectNode payload = ((ObjectNode) call.input()).deepCopy();
        ObjectNode lifecycle = Json.object();
        lifecycle.put("action", call.event());
        JsonNode previous = call.previousInput();
        if (previous == null) {
            lifecycle.putNull("prev_input");
        } else {
            lifecycle.set("prev_input", previous.deepCopy());
        }
        payload.remove(call.terraformKey());
        payload.set(call.terraformKey(), lifecycle);
        return Json.writeBytes(payload);
    }
}
