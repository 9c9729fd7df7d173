package io.github.lambdainvocation.payload;

import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.model.Target;
import java.util.Objects;

/**
 * One Lambda invocation a plan will make: where it goes and what its payload is made of. The payload bytes
 * themselves are built by {@code payload.PayloadBuilder}.
 *
 * @param target where it goes
 * @param kind how the payload is made
 * @param rawText the input exactly as written ({@link PayloadKind#RAW} only)
 * @param input the top-level object of a CRUD payload
 * @param previousInput {@code prev_input} of a CRUD payload (null for create)
 * @param terraformKey the lifecycle key of a CRUD payload
 */
public record PlannedCall(
        Target target, PayloadKind kind, String rawText, JsonValue input, JsonValue previousInput, String terraformKey) {

    public PlannedCall {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
    }

    /** CREATE_ONLY: the input as written, nothing added. */
    public static PlannedCall raw(Target target, String text) {
        return new PlannedCall(target, PayloadKind.RAW, text, null, null, null);
    }

    /** CRUD create: the input plus {@code {key: {action: create, prev_input: null}}}. */
    public static PlannedCall crudCreate(Target target, JsonValue input, String key) {
        return new PlannedCall(target, PayloadKind.CRUD_CREATE, null, input, null, key);
    }

    /** CRUD update: the new input plus {@code {key: {action: update, prev_input: recorded}}}. */
    public static PlannedCall crudUpdate(Target target, JsonValue input, JsonValue recorded, String key) {
        return new PlannedCall(target, PayloadKind.CRUD_UPDATE, null, input, recorded, key);
    }

    /** CRUD delete: the recorded input plus {@code {key: {action: delete, prev_input: recorded}}}. */
    public static PlannedCall crudDelete(Target target, JsonValue recorded, String key) {
        return new PlannedCall(target, PayloadKind.CRUD_DELETE, null, recorded, recorded, key);
    }

    /** The same payload as an interrupted call, sent again: {@code rawText} is the payload. */
    public static PlannedCall resend(Target target, String payload, String event) {
        return new PlannedCall(target, PayloadKind.RESEND, payload, null, null, event);
    }

    /** The lifecycle word of this call: create, update, delete; "invoke" for a raw CREATE_ONLY call. */
    public String event() {
        return kind == PayloadKind.RESEND ? terraformKey : kind.event();
    }

    /** How a payload is made. */
    public enum PayloadKind {
        RAW("invoke"),
        RESEND("resend"),
        CRUD_CREATE("create"),
        CRUD_UPDATE("update"),
        CRUD_DELETE("delete");

        private final String event;

        PayloadKind(String event) {
            this.event = event;
        }

        public String event() {
            return event;
        }
    }
}
