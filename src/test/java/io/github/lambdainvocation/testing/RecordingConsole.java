package io.github.lambdainvocation.testing;

import io.github.lambdainvocation.mojo.Console;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A console that keeps what the core printed: info lines as they are, warnings prefixed "WARN ". */
public final class RecordingConsole implements Console {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {}

    /** The lines so far (a live view). */
    public List<String> lines() {
        return lines;
    }
}
