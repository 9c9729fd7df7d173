package io.github.lambdainvocation.reliability;

import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateStore;
import io.github.lambdainvocation.state.StateCodec;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The child JVM that {@link KilledRunsTest} kills: one real {@code invoke} of {@link Workload} generation 2
 * through the AWS SDK, against the test's endpoints. It tells the test on stdout, one line each, when it holds
 * the state's lock ({@code @locked}), when each state write begins and ends ({@code @write-begin N SHA-256} of
 * the bytes it writes, {@code @write-end N}) and when it is done ({@code @done}), so the test can kill it at those
 * moments and tell afterwards which state a killed write left.
 *
 * <p>Arguments: the Lambda endpoint, the output directory, the parallelism, the padding of each input, then the
 * state's location ({@link StateAt#args()}).
 */
public final class KilledInvoke {

    static final String LOCKED = "@locked";
    static final String WRITE_BEGIN = "@write-begin ";
    static final String WRITE_END = "@write-end ";
    static final String DONE = "@done";

    private KilledInvoke() {}

    public static void main(String[] args) {
        Iterator<String> in = List.of(args).iterator();
        String lambda = in.next();
        Path out = Path.of(in.next());
        int parallelism = Integer.parseInt(in.next());
        int pad = Integer.parseInt(in.next());
        StateAt at = StateAt.parse(in);
        try (StateAt.Opened run = at.open(lambda, out, Listener.NONE, Telling::new)) {
            run.engine().invoke(Workload.generation(2, pad),
                    new InvocationEngine.RunOptions(false, parallelism, Set.of(), Set.of()));
        }
        tell(DONE);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void tell(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The real store, saying on stdout when it holds the lock and when each write begins and ends. */
    private static final class Telling implements StateStore {
        private final StateStore real;
        private int writes;

        Telling(StateStore real) {
            this.real = real;
        }

        @Override
        public String location() {
            return real.location();
        }

        @Override
        public State read() throws StateException {
            return real.read();
        }

        @Override
        public boolean exists() throws StateException {
            return real.exists();
        }

        @Override
        public synchronized void write(State state) throws StateException {
            int n = ++writes;
            tell(WRITE_BEGIN + n + " " + sha256(StateCodec.encode(state)));
            real.write(state);
            tell(WRITE_END + n);
        }

        @Override
        public Lock lock() throws StateException {
            Lock lock = real.lock();
            tell(LOCKED);
            return lock;
        }

        @Override
        public Optional<LockInfo> currentLock() throws StateException {
            return real.currentLock();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
