package io.github.lambdainvocation.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdainvocation.testing.Jsons;
import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.PendingCall;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.model.Target;
import java.nio.charset.StandardCharsets;

/**
 * The state encoder as it was before the state file was bound with Jackson records: a JSON tree built field by
 * field. Kept only as the reference the tests compare {@link StateCodec#encode} with, byte for byte, so a change
 * of how the file is produced cannot change the file.
 */
final class TreeStateEncoder {

    private TreeStateEncoder() {}

    static byte[] encode(State state) {
        ObjectNode root = Jsons.JACKSON.createObjectNode();
        // format 2 plus the owner: format 3 changed nothing else
        root.put("formatVersion", 3);
        state.owner().ifPresent(owner -> root.put("owner", owner));
        ObjectNode all = root.putObject("invocations");
        for (RecordedInvocation r : state.invocations().values()) {
            all.set(r.id(), record(r));
        }
        if (!state.pending().isEmpty()) {
            ObjectNode pending = root.putObject("pending");
            for (PendingCall call : state.pending().values()) {
                ObjectNode n = pending.putObject(call.id());
                target(n, call.target());
                n.put("event", call.event());
                n.put("invocationType", call.invocationType().name());
                n.put("payload", call.payload());
                n.put("startedAt", call.startedAt().toString());
                n.set("then", call.then() == null ? null : record(call.then()));
            }
        }
        try {
            return (Jsons.JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode record(RecordedInvocation r) {
        InvocationSpec spec = r.spec();
        ObjectNode n = Jsons.JACKSON.createObjectNode();
        target(n, spec.target());
        n.put("lifecycleScope", spec.scope().name());
        n.put("terraformKey", spec.terraformKey());
        ObjectNode triggers = n.putObject("triggers");
        spec.triggers().forEach(triggers::put);
        n.set("input", Jsons.tree(spec.input()));
        n.put("result", r.result());
        n.put("executedVersion", r.executedVersion());
        n.put("invokedAt", r.invokedAt() == null ? null : r.invokedAt().toString());
        if (spec.invocationType() != InvocationType.RequestResponse) {
            n.put("invocationType", spec.invocationType().name());
        }
        if (spec.sensitive()) {
            n.put("sensitive", true);
        }
        if (!spec.dependsOn().isEmpty()) {
            spec.dependsOn().forEach(n.putArray("dependsOn")::add);
        }
        if (spec.clientContext() != null) {
            n.set("clientContext", Jsons.tree(spec.clientContext()));
        }
        if (spec.code() != null) {
            n.putObject("code").put("sha256", spec.code().sha256()).put("version", spec.code().version());
        }
        return n;
    }

    private static void target(ObjectNode n, Target target) {
        n.put("functionName", target.functionName());
        n.put("qualifier", target.qualifier());
        n.put("region", target.region());
        if (target.access() != null) {
            ObjectNode access = n.putObject("access");
            if (target.access().profile() != null) {
                access.put("profile", target.access().profile());
            }
            if (target.access().serverId() != null) {
                access.put("serverId", target.access().serverId());
            }
            if (target.access().roleArn() != null) {
                access.put("roleArn", target.access().roleArn());
            }
            if (target.access().roleExternalId() != null) {
                access.put("roleExternalId", target.access().roleExternalId());
            }
            if (target.access().endpointUrl() != null) {
                access.put("endpointUrl", target.access().endpointUrl());
            }
        }
    }
}
