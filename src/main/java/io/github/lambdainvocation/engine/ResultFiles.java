package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.files.PrivateFiles;
import io.github.lambdainvocation.state.RecordedInvocation;
import io.github.lambdainvocation.state.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code results/<id>.json} files: each recorded invocation's last result, for later build steps. They are
 * rewritten on every invoke run (no-op runs too) and removed when their invocation is forgotten.
 */
final class ResultFiles {

    private final Path dir;

    ResultFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes the result of every recorded invocation, removes stale files, and returns the results by id. */
    Map<String, String> publish(State state) throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        for (RecordedInvocation r : state.invocations().values()) {
            if (r.result() != null) {
                PrivateFiles.writeAtomically(dir.resolve(r.id() + ".json"), r.result().getBytes(StandardCharsets.UTF_8));
                results.put(r.id(), r.result());
            }
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
                for (Path file : files) {
                    String id = file.getFileName().toString().replaceFirst("\\.json$", "");
                    if (!results.containsKey(id)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        return results;
    }

    /** Removes the result files of forgotten invocations. */
    void remove(Collection<String> ids) throws IOException {
        for (String id : ids) {
            Files.deleteIfExists(dir.resolve(id + ".json"));
        }
    }
}
