package io.github.lambdainvocation.bench;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import io.github.lambdainvocation.testing.LocalS3;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Wall time of one invoke run of 20 independent invocations of a function that takes 1 s, at several
 * parallelisms, against the local endpoint, with the state in a local file. The JVM is warmed up first (one
 * run that is not counted), so the numbers are the scheduler's, not the AWS SDK's cold start. See
 * bench/README.md.
 */
public final class ParallelRuns {

    private static final int INVOCATIONS = 20;
    private static final Duration WORK = Duration.ofSeconds(1);

    private ParallelRuns() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("parallel-runs");
        try (LocalLambdaServer lambda = LocalLambdaServer.start().function("work")) {
            run(lambda, dir.resolve("warm-up"), 10, 4);

            System.out.println("| parallelism | goal: 1.3 × ceil(20 / p) s | wall time, median of " + rounds
                    + " (s) | max calls at once |");
            System.out.println("|---|---|---|---|");
            for (int p : new int[] {1, 5, 10, 20}) {
                List<Double> times = new ArrayList<>();
                int most = 0;
                for (int r = 0; r < rounds; r++) {
                    try (LocalLambdaServer fresh = LocalLambdaServer.start().function("work")) {
                        times.add(run(fresh, dir.resolve("p" + p + "-" + r), p, INVOCATIONS));
                        most = Math.max(most, fresh.maxConcurrentRequests());
                    }
                }
                times.sort(Double::compare);
                double goal = 1.3 * Math.ceil((double) INVOCATIONS / p);
                System.out.printf("| %d | %.1f | %.2f | %d |%n", p, goal, times.get(times.size() / 2), most);
            }
        }
    }

    /** One invoke run of {@code count} new invocations, each taking {@link #WORK}; returns its wall time in s. */
    private static double run(LocalLambdaServer lambda, Path dir, int parallelism, int count) {
        List<InvocationSettings> settings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lambda.enqueue("work", Reply.slow(WORK));
            settings.add(InvocationSettings.withId("job-" + i).functionName("work").lifecycleScope("CRUD")
                    .input("{\"job\": " + i + "}"));
        }
        List<DesiredInvocation> desired = new InvocationValidator("us-east-1", dir).validate(settings);
        InvocationEngine engine = new InvocationEngine(new LocalStateStore(dir.resolve("state.json")),
                () -> Invokers.of(lambda.endpoint(), LocalS3.CREDENTIALS, SdkLambdaInvoker.Options.DEFAULT,
                        Console.SILENT),
                io.github.lambdainvocation.event.Listener.NONE, Clock.systemUTC(), dir.resolve("out"));
        long started = System.nanoTime();
        engine.invoke(desired, new InvocationEngine.RunOptions(false, parallelism, Set.of(), Set.of()));
        return (System.nanoTime() - started) / 1e9;
    }
}
