package io.github.lambdainvocation.testing;

import io.github.lambdainvocation.mojo.Console;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** A console that keeps what the core printed: info lines as they are, warnings prefixed "WARN ". */
public final class RecordingConsole implements Console {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private volatile Consumer<String> onWarn = w -> {};

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
        onWarn.accept(message);
    }

    @Override
    public void debug(String message) {}

    /** Calls {@code hook} with each warning once it is kept, in the thread that warns. */
    public RecordingConsole onWarn(Consumer<String> hook) {
        this.onWarn = hook;
        return this;
    }

    /** The lines so far (a live view). */
    public List<String> lines() {
        return lines;
    }
}
