package io.github.lambdainvocation.reliability;

import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.mojo.Console;
import io.github.lambdainvocation.state.LocalStateStore;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.S3StateStore;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.testing.Invokers;
import io.github.lambdainvocation.testing.LocalS3;
import io.github.lambdainvocation.testing.S3Clients;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the state of one killed run lives: a local file, or an object of the S3 endpoint in the test JVM. It
 * travels to the child JVM as command-line arguments ({@link #args()}, {@link #parse}).
 *
 * @param file the local state file; null for S3
 * @param s3 the S3 endpoint; null for a local file
 */
record StateAt(Path file, URI s3, String bucket, String key) {

    static StateAt local(Path file) {
        return new StateAt(file, null, null, null);
    }

    static StateAt s3(URI endpoint, String bucket, String key) {
        return new StateAt(null, endpoint, bucket, key);
    }

    boolean inS3() {
        return s3 != null;
    }

    List<String> args() {
        return inS3() ? List.of("s3", s3.toString(), bucket, key) : List.of("file", file.toString());
    }

    static StateAt parse(Iterator<String> args) {
        return "s3".equals(args.next())
                ? s3(URI.create(args.next()), args.next(), args.next())
                : local(Path.of(args.next()));
    }

    /** A store and the engine on it; closing it closes the store (and its S3 client). */
    record Opened(StateStore store, InvocationEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    /**
     * The only place where the reliability runs build a state store and an engine, in the test JVM and in the
     * killed child alike: a change of their constructors is a change of this method alone.
     *
     * @param around wraps the store before the engine gets it (the child reports its writes through it)
     */
    Opened open(String lambdaEndpoint, Path outputDirectory, Listener events, UnaryOperator<StateStore> around) {
        StateStore store = inS3()
                ? new S3StateStore(S3Clients.create("us-east-1", s3, LocalS3.CREDENTIALS, List.of()),
                        new S3StateStore.Settings(new S3Location(bucket, key), null, null, Duration.ZERO,
                                Duration.ofMillis(20)),
                        new LockInfo(null, "killed-runs@127.0.0.1", "invoke", "io.github.lambdainvocation:killed-runs",
                                "0", null),
                        events, Clock.systemUTC(), true)
                : new LocalStateStore(file);
        StateStore used = around.apply(store);
        return new Opened(used, new InvocationEngine(used,
                () -> Invokers.of(lambdaEndpoint, LocalS3.CREDENTIALS, Invokers.FAST, Console.SILENT), events,
                Clock.systemUTC(), outputDirectory));
    }
}
