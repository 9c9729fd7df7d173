package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.json.Json;
import io.github.lambdainvocation.json.JsonValue;
import io.github.lambdainvocation.json.JsonValue.JsonObject;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.payload.Placeholders;
import io.github.lambdainvocation.state.StateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands the results to the rest of the build: {@code results/<id>.json} and {@code lambda-invocation.<id>.result}
 * for every recorded result, and each configured output as {@code lambda-invocation.<id>.<name>} and in
 * {@code outputs/<id>.json}.
 */
final class ResultPublisher {

    private final ResultFiles files;

    ResultPublisher(Path outputDirectory) {
        this.files = new ResultFiles(outputDirectory);
    }

    /** Writes the files of {@code after} (removing those of ids {@code before} had) and returns the properties. */
    Map<String, String> publish(List<DesiredInvocation> desired, State before, State after) {
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> published : files.publish(before, after).entrySet()) {
                properties.put("lambda-invocation." + published.getKey() + ".result", published.getValue());
            }
            List<String> problems = new ArrayList<>();
            for (DesiredInvocation d : desired) {
                Optional<RecordedInvocation> recorded = after.get(d.id());
                String result = recorded.isPresent() ? recorded.get().result() : null;
                if (!d.outputs().isEmpty() && result != null) {
                    outputs(d, result, properties, problems);
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems, "The invocations themselves succeeded and are recorded;"
                        + " fix {{outputs}}, and the next run (with nothing to invoke) sets them.");
            }
            return properties;
        } catch (IOException e) {
            throw new StateException("The results could not be written under " + files.results() + ": " + e, false,
                    e);
        }
    }

    /** Removes the files of forgotten invocations. */
    void remove(List<String> ids) throws IOException {
        files.remove(ids);
    }

    private void outputs(DesiredInvocation d, String result, Map<String, String> properties, List<String> problems)
            throws IOException {
        try {
            Map<String, JsonValue> values = Placeholders.outputs(d.id(), result, d.outputs());
            for (Map.Entry<String, JsonValue> value : values.entrySet()) {
                properties.put("lambda-invocation." + d.id() + "." + value.getKey(),
                        Placeholders.text(value.getValue()));
            }
            files.writeOutputs(d.id(), (Json.writePretty(new JsonObject(values)) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            problems.add("invocation '" + d.id() + "': {{outputs}} " + e.getMessage() + (d.spec().sensitive() ? ""
                    : " (the result is in " + files.results().resolve(d.id() + ".json") + ")"));
        }
    }
}
