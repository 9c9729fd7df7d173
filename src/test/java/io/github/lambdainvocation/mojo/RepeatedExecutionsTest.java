package io.github.lambdainvocation.mojo;

import static io.github.lambdainvocation.testing.Jsons.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.testing.LocalLambdaServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several goal executions in one JVM, as two executions in one build or a build server that keeps its JVM (mvnd)
 * run them: each execution builds its own clients from its own configuration and, when it ends, leaves no thread
 * and no client behind for the next one to find stale.
 */
class RepeatedExecutionsTest {

    @TempDir
    Path basedir;

    private LocalLambdaServer lambda;

    @BeforeEach
    void start() throws Exception {
        lambda = LocalLambdaServer.start().function("fn").function("other");
    }

    @AfterEach
    void stop() {
        lambda.stop();
    }

    private static String pom(String function, String input) {
        return """
                <region>us-east-1</region>
                <stateFile>${project.basedir}/state.json</stateFile>
                <invocations>
                  <invocation>
                    <id>seed</id>
                    <functionName>%s</functionName>
                    <lifecycleScope>CRUD</lifecycleScope>
                    <input>%s</input>
                  </invocation>
                </invocations>""".formatted(function, input);
    }

    private void run(String goal, String configuration, String endpoint) throws Exception {
        MavenBinding.configure(goal, configuration, basedir, Map.of("lambda-invocation.endpointUrl", endpoint))
                .execute();
    }

    private static Set<String> threadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).collect(Collectors.toSet());
    }

    /**
     * The threads started since {@code before} that are still alive, after giving closed pools a moment; the local
     * endpoint's own handler threads do not count (an unclosed SDK client would leave its idle-connection reaper).
     */
    private static Set<String> leftSince(Set<String> before) throws InterruptedException {
        Set<String> left = Set.of();
        for (int i = 0; i < 50; i++) {
            left = threadsAlive().stream().filter(name -> !before.contains(name) && !name.startsWith("local-lambda"))
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left;
    }

    @Test
    void eachExecutionUsesItsOwnConfigurationAndLeavesNoThreadBehind() throws Exception {
        Set<String> before = threadsAlive();

        run("invoke", pom("fn", "{\"v\": 1}"), lambda.endpoint());
        assertThat(leftSince(before)).as("threads left by the first execution").isEmpty();

        run("invoke", pom("fn", "{\"v\": 2}"), lambda.endpoint());
        run("invoke", pom("other", "{\"v\": 2}"), lambda.endpoint());
        run("destroy", pom("other", "{\"v\": 2}"), lambda.endpoint());

        assertThat(lambda.requests()).extracting(LocalLambdaServer.Request::function)
                .containsExactly("fn", "fn", "fn", "other", "other");
        List<String> actions = lambda.requests().stream()
                .map(r -> tree(r.payload()).get("tf").get("action").asText() + " " + r.function()).toList();
        assertThat(actions).containsExactly("create fn", "update fn", "delete fn", "create other", "delete other");
        assertThat(leftSince(before)).as("threads left by four executions").isEmpty();
    }

    @Test
    void anExecutionAfterAnotherGoesToItsOwnEndpointNotToAClientKeptFromBefore() throws Exception {
        try (LocalLambdaServer second = LocalLambdaServer.start().function("fn")) {
            run("invoke", pom("fn", "{\"v\": 1}"), lambda.endpoint());
            run("invoke", pom("fn", "{\"v\": 2}"), second.endpoint());

            assertThat(lambda.requests()).hasSize(1);
            assertThat(second.requests()).extracting(r -> tree(r.payload()).get("tf").get("action").asText())
                    .containsExactly("update");
        }
    }
}
