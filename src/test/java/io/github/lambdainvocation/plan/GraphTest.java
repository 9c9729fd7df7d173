package io.github.lambdainvocation.plan;

import io.github.lambdainvocation.model.Graph;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphTest {

    private static Graph graph(String... idThenDeps) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (String spec : idThenDeps) {
            String[] parts = spec.split(":", -1);
            edges.put(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")));
        }
        return new Graph(edges);
    }

    @Test
    void withoutDependenciesTheGivenOrderIsKept() {
        assertThat(graph("c:", "a:", "b:").order()).containsExactly("c", "a", "b");
    }

    @Test
    void dependenciesComeFirstAndIndependentIdsKeepTheirPlace() {
        Graph g = graph("app:db,queue", "db:", "cache:", "queue:db");

        assertThat(g.order()).containsExactly("db", "cache", "queue", "app");
        assertThat(g.reverseOrder()).containsExactly("app", "queue", "cache", "db");
    }

    @Test
    void unknownDependenciesAreListed() {
        assertThat(graph("a:b,x", "b:y").unknownDependencies()).containsExactly("a -> x", "b -> y");
    }

    @Test
    void aCycleIsReportedAlongItsPath() {
        assertThat(graph("a:b", "b:c", "c:a", "d:").cycle()).contains(List.of("a", "b", "c", "a"));
        assertThat(graph("a:a").cycle()).contains(List.of("a", "a"));
        assertThat(graph("a:b", "b:").cycle()).isEmpty();
    }
}
