package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.files.PrivateFiles;
import io.github.lambdainvocation.model.RecordedInvocation;
import io.github.lambdainvocation.model.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files later build steps read: {@code results/<id>.json}, each recorded invocation's last result, and
 * {@code outputs/<id>.json}, its configured outputs. They are rewritten on every invoke run (no-op runs too) and
 * removed when their invocation is forgotten, so no value of a torn-down invocation is left; an invocation that
 * keeps no result has its files only after a run that invoked it, and loses them on the next. (Two directories,
 * because ids may contain dots: no id's file can be taken for another's.)
 */
final class ResultFiles {

    private final Path dir;
    private final Path outputs;

    /** @param outputDirectory the plugin's output directory, holding results/ and outputs/ */
    ResultFiles(Path outputDirectory) {
        this.dir = outputDirectory.resolve("results");
        this.outputs = outputDirectory.resolve("outputs");
    }

    /** Where the results are, for messages. */
    Path results() {
        return dir;
    }

    /** Writes the outputs of {@code id}. */
    void writeOutputs(String id, byte[] json) throws IOException {
        PrivateFiles.writeAtomically(outputs.resolve(id + ".json"), json);
    }

    /**
     * Writes the result of every invocation recorded in {@code after}, removes the files of invocations that were
     * recorded in {@code before} but are no longer, and returns the results by id. Files of other ids are left
     * alone: they may belong to another state file of the same project (another execution of the plugin).
     */
    Map<String, String> publish(State before, State after) throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        for (RecordedInvocation r : after.invocations().values()) {
            if (r.result() != null) {
                PrivateFiles.writeAtomically(dir.resolve(r.id() + ".json"), r.result().getBytes(StandardCharsets.UTF_8));
                results.put(r.id(), r.result());
            }
        }
        for (String id : before.invocations().keySet()) {
            if (!results.containsKey(id)) {
                delete(id);
            }
        }
        return results;
    }

    /** Removes the result and outputs files of forgotten invocations. */
    void remove(Collection<String> ids) throws IOException {
        for (String id : ids) {
            delete(id);
        }
    }

    private void delete(String id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + ".json"));
        Files.deleteIfExists(outputs.resolve(id + ".json"));
    }
}
