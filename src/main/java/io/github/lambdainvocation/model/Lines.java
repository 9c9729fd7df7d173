package io.github.lambdainvocation.model;

import java.util.List;
import java.util.stream.Collectors;

/** Lines quoted under a heading in a message or log (a log tail, a stack trace), each as {@code "  | line"}. */
public final class Lines {

    private Lines() {}

    /** The lines of {@code text}, without leading and trailing blank space. */
    public static List<String> of(String text) {
        return List.of(text.strip().split("\\R"));
    }

    /** {@code lines} indented, one per line. */
    public static String indented(List<String> lines) {
        return lines.stream().map(line -> "  | " + line).collect(Collectors.joining(System.lineSeparator()));
    }
}
