package io.github.lambdainvocation;

import io.github.lambdainvocation.LambdaInvocationException;
import java.util.List;

/** The configuration cannot be used; each problem names the invocation and the POM element. */
public final class ConfigurationException extends LambdaInvocationException {

    private static final String NOTHING_DONE = "Nothing was invoked and the state was not changed.";

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        this(problems, NOTHING_DONE);
    }

    /**
     * @param consequence what the failure means for the run, said once at the end (by default: nothing was
     *     invoked and the state was not changed)
     */
    public ConfigurationException(List<String> problems, String consequence) {
        super(render(problems, consequence), true);
        this.problems = List.copyOf(problems);
    }

    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    /** Each problem, rendered like the message. */
    public List<String> problems() {
        return problems.stream().map(this::render).toList();
    }

    private static String render(List<String> problems, String consequence) {
        if (problems.size() == 1) {
            return problems.get(0) + System.lineSeparator() + consequence;
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems in the configuration:");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.append(System.lineSeparator()).append(consequence).toString();
    }
}
