package io.github.lambdainvocation.reliability;

import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonSyntaxException;
import io.github.lambdainvocation.model.DesiredInvocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration of the reliability runs, the same in the test JVM and in the killed child. Generation 1 is
 * what the state holds before the killed run: six independent CRUD invocations on {@code fn}. Generation 2 is
 * what the killed run (and the run after it) applies, so that its plan holds every kind of call: {@code j-5} is
 * no longer configured (a delete), {@code j-0} moves to {@code fn2} (a replacement: a delete, then a create),
 * {@code j-1}..{@code j-4} get a new input (updates) and {@code j-6} is new (a create).
 */
final class Workload {

    static final List<String> FUNCTIONS = List.of("fn", "fn2");

    /** How many calls generation 2 makes from a state of generation 1. */
    static final int CALLS = 8;

    private Workload() {}

    /** @param pad how many characters of padding each input carries (a larger state takes longer to write) */
    static List<DesiredInvocation> generation(int generation, int pad) {
        List<InvocationSettings> settings = new ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            boolean configured = generation == 1 ? i <= 5 : i != 5;
            if (configured) {
                String id = "j-" + i;
                settings.add(InvocationSettings.withId(id)
                        .functionName(generation == 2 && i == 0 ? "fn2" : "fn")
                        .lifecycleScope("CRUD")
                        .input("{\"id\": \"" + id + "\", \"gen\": " + generation + ", \"pad\": \"" + "x".repeat(pad)
                                + "\"}"));
            }
        }
        return new InvocationValidator("us-east-1", Path.of(".")).validate(settings);
    }

    /** The invocation id a payload was sent for (every input carries it). */
    static String idOf(String payload) {
        return json(payload).path("id").asText();
    }

    /** The lifecycle event of a payload: create, update or delete. */
    static String eventOf(String payload) {
        return json(payload).path("tf").path("action").asText();
    }

    /** A payload or result as JSON; the runs send and record JSON only. */
    static JsonNode json(String text) {
        return io.github.lambdainvocation.testing.Jsons.tree(text);
    }
}
