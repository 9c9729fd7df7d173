package io.github.lambdainvocation.model;

import io.github.lambdainvocation.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is sent for one invocation, declared once: the configuration wants a spec ({@link DesiredInvocation}),
 * the state records the spec it last sent ({@link RecordedInvocation}), and the planner compares the two field
 * by field ({@link Field}). A new element that changes what is sent is a component here and, when its change
 * matters, a {@link Field}.
 *
 * @param target the function, qualifier and region
 * @param scope the lifecycle scope
 * @param terraformKey the key CRUD adds to the input
 * @param input the input (without any lifecycle key), as a JSON value
 * @param triggers values whose change forces a replacement
 * @param invocationType RequestResponse, or Event (asynchronous)
 * @param sensitive whether the input, result and the function's errors and logs must never be printed
 * @param dependsOn the ids that run before it (and, on teardown, after it)
 * @param code the function's code it was sent to, with triggerOnCodeChange; else null
 * @param clientContext the JSON object sent (base64) as Lambda's ClientContext on every call; null for none
 * @param keepResult whether the state keeps the result; false: only its digest ({@link
 *     RecordedInvocation#keptResult()}), the result is handed to the build only by the run that received it
 */
public record InvocationSpec(
        Target target,
        LifecycleScope scope,
        String terraformKey,
        JsonValue input,
        SortedMap<String, String> triggers,
        InvocationType invocationType,
        boolean sensitive,
        List<String> dependsOn,
        CodeVersion code,
        JsonValue clientContext,
        boolean keepResult) {

    /** Lambda's limit for the ClientContext header: the base64 text of the JSON object, in bytes. */
    public static final int CLIENT_CONTEXT_LIMIT = 3583;

    /** A spec without a client context, whose result the state keeps. */
    public InvocationSpec(Target target, LifecycleScope scope, String terraformKey, JsonValue input,
            SortedMap<String, String> triggers, InvocationType invocationType, boolean sensitive,
            List<String> dependsOn, CodeVersion code) {
        this(target, scope, terraformKey, input, triggers, invocationType, sensitive, dependsOn, code, null, true);
    }

    /** A spec without a client context. */
    public InvocationSpec(Target target, LifecycleScope scope, String terraformKey, JsonValue input,
            SortedMap<String, String> triggers, InvocationType invocationType, boolean sensitive,
            List<String> dependsOn, CodeVersion code, boolean keepResult) {
        this(target, scope, terraformKey, input, triggers, invocationType, sensitive, dependsOn, code, null,
                keepResult);
    }

    /** A spec whose result the state keeps. */
    public InvocationSpec(Target target, LifecycleScope scope, String terraformKey, JsonValue input,
            SortedMap<String, String> triggers, InvocationType invocationType, boolean sensitive,
            List<String> dependsOn, CodeVersion code, JsonValue clientContext) {
        this(target, scope, terraformKey, input, triggers, invocationType, sensitive, dependsOn, code, clientContext,
                true);
    }

    public InvocationSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(terraformKey, "terraformKey");
        Objects.requireNonNull(input, "input");
        triggers = triggers == null ? new TreeMap<>() : new TreeMap<>(triggers);
        invocationType = invocationType == null ? InvocationType.RequestResponse : invocationType;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public InvocationSpec withInput(JsonValue newInput) {
        return new InvocationSpec(target, scope, terraformKey, newInput, triggers, invocationType, sensitive,
                dependsOn, code, clientContext, keepResult);
    }

    public InvocationSpec withCode(CodeVersion newCode) {
        return new InvocationSpec(target, scope, terraformKey, input, triggers, invocationType, sensitive, dependsOn,
                newCode, clientContext, keepResult);
    }

    /** The client context as Lambda's ClientContext carries it (base64 of the compact JSON); null for none. */
    public String clientContextBase64() {
        return clientContext == null ? null : Base64.getEncoder().encodeToString(
                io.github.lambdainvocation.json.Json.writeBytes(clientContext));
    }

    /** The fields of this spec that differ from {@code recorded}, in the order of {@link Field}. */
    public List<Field> changesFrom(InvocationSpec recorded) {
        List<Field> changed = new ArrayList<>();
        for (Field field : Field.values()) {
            if (field.differs(this, recorded)) {
                changed.add(field);
            }
        }
        return changed;
    }

    /** What a change of a field calls for. */
    public enum Change {
        /** A new invocation (CRUD: a delete of the recorded one first). */
        REPLACE,
        /** An update: CRUD sends an {@code update}; CREATE_ONLY records it without a call. */
        UPDATE,
        /** Only how the plugin treats the invocation changed: recorded, never a call. */
        STATE_ONLY
    }

    /** A part of the spec whose change the plan reports, and what the change calls for. */
    public enum Field {
        FUNCTION_NAME("functionName", Change.REPLACE),
        QUALIFIER("qualifier", Change.REPLACE),
        REGION("region", Change.REPLACE),
        /** The invocation's own credentials and endpoint: another account or role is another invocation. */
        ACCESS("access", Change.REPLACE),
        TRIGGERS("triggers", Change.REPLACE),
        /** Compared only when the wanted spec knows its code (triggerOnCodeChange). */
        CODE("code", Change.REPLACE) {
            @Override
            boolean differs(InvocationSpec wanted, InvocationSpec recorded) {
                return wanted.code() != null && !wanted.code().equals(recorded.code());
            }
        },
        /** Compared as JSON values; CREATE_ONLY promises an invocation on create and replace only. */
        INPUT("input", null),
        /** Sent with every call like the input, and compared and changed like it. */
        CLIENT_CONTEXT("clientContext", null),
        /** Leaving EVERY_RUN starts a lifecycle: a replacement. */
        LIFECYCLE_SCOPE("lifecycleScope", Change.UPDATE) {
            @Override
            public Change change(InvocationSpec wanted, InvocationSpec recorded) {
                return recorded.scope() == LifecycleScope.EVERY_RUN ? Change.REPLACE : Change.UPDATE;
            }
        },
        TERRAFORM_KEY("terraformKey", Change.UPDATE),
        SENSITIVE("sensitive", Change.STATE_ONLY),
        INVOCATION_TYPE("invocationType", Change.STATE_ONLY),
        /** How the result is kept, not what is sent: recorded (a switch to false drops the kept result), no call. */
        KEEP_RESULT("keepResult", Change.STATE_ONLY);

        private final String label;
        /** What a change calls for; null: it depends on the lifecycle scope ({@link #byScope}). */
        private final Change change;

        Field(String label, Change change) {
            this.label = label;
            this.change = change;
        }

        /**
         * This field of {@code s}. A switch rather than an accessor lambda per constant: lambdas are linked one by
         * one the first time they run, in every build, and a run with nothing to invoke compares every field.
         */
        Object value(InvocationSpec s) {
            switch (this) {
                case FUNCTION_NAME:
                    return s.target().functionName();
                case QUALIFIER:
                    return s.target().qualifier();
                case REGION:
                    return s.target().region();
                case ACCESS:
                    return s.target().access();
                case TRIGGERS:
                    return s.triggers();
                case CODE:
                    return s.code();
                case INPUT:
                    return s.input();
                case CLIENT_CONTEXT:
                    return s.clientContext();
                case LIFECYCLE_SCOPE:
                    return s.scope();
                case TERRAFORM_KEY:
                    return s.terraformKey();
                case SENSITIVE:
                    return s.sensitive();
                case INVOCATION_TYPE:
                    return s.invocationType();
                case KEEP_RESULT:
                    return s.keepResult();
                default:
                    throw new AssertionError(this);
            }
        }

        /** What is sent: an update under CRUD, a replacement under CREATE_ONLY (which calls on create only). */
        private static Change byScope(InvocationSpec wanted) {
            return wanted.scope() == LifecycleScope.CREATE_ONLY ? Change.REPLACE : Change.UPDATE;
        }

        /** The name the plan and status.json show. */
        public String label() {
            return label;
        }

        /** Whether the values differ; JSON values are compared as values, whatever their spelling. */
        boolean differs(InvocationSpec wanted, InvocationSpec recorded) {
            Object a = value(wanted);
            Object b = value(recorded);
            return a instanceof JsonValue || b instanceof JsonValue
                    ? !JsonValues.same((JsonValue) a, (JsonValue) b)
                    : !Objects.equals(a, b);
        }

        /** What a change of this field from {@code recorded} to {@code wanted} calls for. */
        public Change change(InvocationSpec wanted, InvocationSpec recorded) {
            return change == null ? byScope(wanted) : change;
        }
    }
}
