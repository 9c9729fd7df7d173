package io.github.lambdainvocation.config;

import java.util.List;

/** The problems of one invocation, added to the run's list, each naming the invocation and the element. */
final class Problems {

    private final String label;
    private final List<String> all;
    private int count;

    /** @param label "invocation 'seed-db'", or "invocation #2" when it has no id */
    Problems(String label, List<String> all) {
        this.label = label;
        this.all = all;
    }

    static String label(String id, int position) {
        return id == null || id.isBlank() ? "invocation #" + position : "invocation '" + id + "'";
    }

    void add(String element, String message) {
        all.add(label + ": " + element + " " + message);
        count++;
    }

    boolean none() {
        return count == 0;
    }
}
