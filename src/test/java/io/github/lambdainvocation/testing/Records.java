package io.github.lambdainvocation.testing;

import io.github.lambdainvocation.model.InvocationSpec;
import io.github.lambdainvocation.model.InvocationType;
import io.github.lambdainvocation.model.LifecycleScope;
import io.github.lambdainvocation.model.Target;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.model.RecordedInvocation;
import java.time.Instant;
import java.util.TreeMap;

/** Recorded invocations for state tests. */
public final class Records {

    private Records() {}

    /** A CRUD record of {@code fn:$LATEST} with one trigger, a result and a fixed time. */
    public static RecordedInvocation record(String id, String input) {
        TreeMap<String, String> triggers = new TreeMap<>();
        triggers.put("version", "1.0");
        try {
            InvocationSpec spec = new InvocationSpec(new Target("fn", "$LATEST", null), LifecycleScope.CRUD, "tf",
                    Json.parse(input), triggers, InvocationType.RequestResponse, false, java.util.List.of(), null);
            return new RecordedInvocation(id, spec, "{\"status\":\"ok\"}", "3", Instant.parse("2026-11-27T10:15:30Z"));
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
