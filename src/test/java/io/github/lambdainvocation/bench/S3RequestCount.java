package io.github.lambdainvocation.bench;

import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.config.InvocationSettings;
import io.github.lambdainvocation.config.InvocationValidator;
import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.lambda.SdkLambdaInvoker;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.S3StateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalS3;
import io.github.lambdainvocation.testing.RecordingInterceptor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the S3 requests (every HTTP attempt the SDK sends) of one invoke run with its state in S3, for runs
 * with nothing to do and with 1 or 3 changed invocations. Runs against s3proxy in the JVM: the counts are the
 * client's, not the server's. See bench/README.md.
 */
public final class S3RequestCount {

    private S3RequestCount() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createTempDirectory("s3-request-count");
        try (LocalS3 s3 = LocalS3.start().bucket("bench");
                LocalLambdaServer lambda = LocalLambdaServer.start().function("fn")) {
            RecordingInterceptor wire = new RecordingInterceptor();
            S3Location location = new S3Location("bench", "app/state.json");


            System.out.println("| run | Lambda invocations | S3 requests | goal (4 + one per invocation) | requests |");
            System.out.println("|---|---|---|---|---|");
            int[][] runs = {{3, 0}, {3, 0}, {3, 1}, {3, 3}};
            String[] names = {"first run: 3 creates", "nothing to do", "1 input changed", "3 inputs changed"};
            for (int r = 0; r < runs.length; r++) {
                wire.clear();
                try (S3StateStore store = new S3StateStore(s3.client(wire), new S3StateStore.Settings(location, null,
                        null, Duration.ZERO, Duration.ofMillis(50)), new LockInfo(null, "bench@local", "invoke",
                        "bench:bench", "dev", null), io.github.lambdainvocation.event.Listener.NONE, Clock.systemUTC(), true)) {
                    int calls = new InvocationEngine(store, () -> Invokers.of(lambda.endpoint(), LocalS3.CREDENTIALS,
                            SdkLambdaInvoker.Options.DEFAULT, Console.SILENT),
                            io.github.lambdainvocation.event.Listener.NONE, Clock.systemUTC(), out).invoke(config(runs[r][0], r, runs[r][1]), false)
                            .report().calls();
                    List<String> requests = wire.summary();
                    System.out.println("| " + names[r] + " | " + calls + " | " + requests.size() + " | "
                            + (4 + calls) + " | " + String.join(", ", requests) + " |");
                }
            }
        }
    }

    /** {@code count} invocations; in run {@code run}, the first {@code changed} of them get a new input. */
    private static List<DesiredInvocation> config(int count, int run, int changed) {
        List<InvocationSettings> settings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int version = i < changed ? run : 0;
            settings.add(InvocationSettings.withId("fixture-" + i).functionName("fn").lifecycleScope("CRUD")
                    .input("{\"fixture\": " + i + ", \"version\": " + version + "}"));
        }
        return new InvocationValidator("us-east-1", Path.of(".")).validate(settings);
    }
}
