package io.github.lambdainvocation;

import io.github.lambdainvocation.LambdaInvocationException;
import java.util.List;

/** The configuration cannot be used; each problem names the invocation and the POM element. */
public final class ConfigurationException extends LambdaInvocationException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(render(problems), true);
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0) + System.lineSeparator() + "Nothing was invoked and the state was not changed.";
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems in the configuration:");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.append(System.lineSeparator())
                .append("Nothing was invoked and the state was not changed.")
                .toString();
    }
}
