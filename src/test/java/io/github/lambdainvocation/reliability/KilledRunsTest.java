package io.github.lambdainvocation.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdainvocation.engine.InvocationEngine;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.model.DesiredInvocation;
import io.github.lambdainvocation.model.State;
import io.github.lambdainvocation.state.LockInfo;
import io.github.lambdainvocation.state.S3Location;
import io.github.lambdainvocation.state.StateCodec;
import io.github.lambdainvocation.state.StateException;
import io.github.lambdainvocation.state.StateLockedException;
import io.github.lambdainvocation.testing.LocalLambdaServer;
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply;
import io.github.lambdainvocation.testing.LocalLambdaServer.Request;
import io.github.lambdainvocation.testing.LocalS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Kills a real {@code invoke} (a child JVM, {@link KilledInvoke}) with SIGKILL at one of the {@link KillPoint}s,
 * with the state in a local file or in S3, one call at a time or 4 to 6 at once, and checks what it left: the
 * state decodes; every call the function received is recorded or pending; the next run (in this JVM, not killed)
 * completes, sends again exactly the pending calls and nothing settled, and leaves the state matching the
 * configuration with nothing pending. With the state in S3 the next run first meets the dead build's lock and
 * removes it with force-unlock by the id its failure names, as the README tells users to.
 *
 * <p>{@code -Dreliability.runs=N} (default 10, the {@code reliability} profile 60) and {@code -Dreliability.seed=S}
 * (default: a new one, printed) choose the runs; the report is printed at the end.
 */
class KilledRunsTest {

    private static final int RUNS = Integer.getInteger("reliability.runs", 10);
    private static final String BUCKET = "killed-runs";
    /** JVM_START kills within this many ms of the start: the child reaches the lock later on this machine. */
    private static final int JVM_START_WINDOW = 350;

    private static LocalS3 s3;
    private static S3Client look;
    private static ScheduledExecutorService timer;

    @TempDir
    Path dir;

    /**
     * One run: where it kills, with which state and parallelism, how large the inputs are, how long each call
     * takes, which call or write it waits for, and how long after that moment it kills: {@code delayMillis}, or
     * for a state write {@code writeShare} of the time the write before it took.
     */
    record Scenario(int index, KillPoint point, boolean s3, int parallelism, int pad, Duration reply, int nth,
            long delayMillis, double writeShare) {

        /** Every point, store and parallelism in turn; the rest drawn from {@code random}. */
        static Scenario pick(int index, Random random) {
            KillPoint point = KillPoint.values()[index % KillPoint.values().length];
            int parallelism = (index / 2) % 2 == 0 ? 1 : 4 + random.nextInt(3);
            int pad = random.nextBoolean() ? 16 : 40_000;
            Duration reply = Duration.ofMillis(60 + random.nextInt(100));
            int nth = switch (point) {
                case MID_CALL -> 1 + random.nextInt(Workload.CALLS);
                // not the last reply: the run could record it and end before the signal arrives
                case AFTER_REPLY -> 1 + random.nextInt(Workload.CALLS - 1);
                // not the first write, whose time tells how long this one takes; there is one write per call
                // when one runs at a time, and at least one per phase and a last one otherwise
                case STATE_WRITE -> 2 + random.nextInt(parallelism == 1 ? Workload.CALLS - 1 : 2);
                default -> 0;
            };
            long delay = switch (point) {
                case JVM_START -> random.nextInt(JVM_START_WINDOW);
                case PLANNING -> random.nextInt(150);
                case MID_CALL -> 10 + random.nextInt((int) reply.toMillis() - 30);
                default -> 0;
            };
            double writeShare = point == KillPoint.STATE_WRITE ? random.nextDouble() : 0;
            return new Scenario(index, point, index % 2 == 1, parallelism, pad, reply, nth, delay, writeShare);
        }

        @Override
        public String toString() {
            return "run " + index + " (" + point.label + (nth > 0 ? " #" + nth : "")
                    + (delayMillis > 0 ? " +" + delayMillis + " ms" : "")
                    + (writeShare > 0 ? String.format(" +%.2f of a write", writeShare) : "")
                    + ", " + (s3 ? "S3" : "local file") + ", parallelism " + parallelism + ", pad " + pad
                    + ", calls of " + reply.toMillis() + " ms)";
        }
    }

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3.start().bucket(BUCKET);
        look = s3.client();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        timer.shutdownNow();
        look.close();
        s3.stop();
    }

    @Test
    void aKilledInvokeLosesNoCallAndTheNextRunRecovers() throws Exception {
        String given = System.getProperty("reliability.seed", "");
        long seed = given.isBlank() ? System.nanoTime() : Long.parseLong(given.trim());
        System.out.println("[killed runs] " + RUNS + " runs, seed " + seed + " (-Dreliability.seed=" + seed
                + " repeats their choices)");
        Random random = new Random(seed);
        Tally tally = new Tally();
        long started = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            Scenario scenario = Scenario.pick(i, random);
            tally.problems(scenario.toString(), run(scenario, tally));
        }
        System.out.println("[killed runs] " + tally.report().replace(System.lineSeparator(),
                System.lineSeparator() + "[killed runs] ") + System.lineSeparator() + "[killed runs] seed " + seed
                + ", " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");

        assertThat(tally.problems()).as("seed " + seed).isEmpty();
        assertThat(tally.runs).isEqualTo(RUNS);
    }

    /** One killed run and the run after it; returns what went wrong. */
    private List<String> run(Scenario scenario, Tally tally) throws Exception {
        List<String> problems = new ArrayList<>();
        Path runDir = Files.createDirectories(dir.resolve("run-" + scenario.index()));
        StateAt at = scenario.s3()
                ? StateAt.s3(s3.endpoint(), BUCKET, "run-" + scenario.index() + "/state.json")
                : StateAt.local(runDir.resolve("state.json"));
        List<DesiredInvocation> wanted = Workload.generation(2, scenario.pad());

        try (LocalLambdaServer lambda = server()) {
            invoke(at, lambda, runDir, Workload.generation(1, scenario.pad()), scenario.parallelism());
        }
        State before = StateCodec.decode(stored(at), at.toString());

        LocalLambdaServer killedLambda = server();
        Killed killed;
        try {
            killed = kill(scenario, at, runDir, killedLambda);
            if (killed.problem() != null) {
                return List.of(killed.problem());
            }
        } finally {
            killedLambda.stop();
        }
        byte[] left = stored(at);
        State afterKill;
        try {
            afterKill = StateCodec.decode(left, at.toString());
        } catch (StateException e) {
            tally.run(scenario.point(), scenario.s3(), scenario.parallelism() > 1, false);
            tally.corrupt++;
            return List.of("the state does not decode: " + e.getMessage());
        }
        boolean landed = landed(scenario, killed, afterKill);
        tally.run(scenario.point(), scenario.s3(), scenario.parallelism() > 1, landed);
        if (scenario.point() == KillPoint.STATE_WRITE && landed) {
            problems.addAll(killedWrite(scenario.nth(), killed.lines(), left, tally));
        }
        String lockId = lockLeft(at);
        List<Request> received = killedLambda.requests();
        tally.reached += received.size();
        tally.answered += killed.answered().size();
        tally.pendingAfterKill += afterKill.pending().size();
        tally.locksLeft += lockId == null ? 0 : 1;
        tally.tempFiles += tempFiles(runDir);

        List<String> unaccounted = Ledger.unaccounted(received, afterKill);
        tally.unaccounted += unaccounted.size();
        unaccounted.forEach(call -> problems.add(call + " reached the function, but the state neither records it"
                + " nor holds it as pending"));
        List<String> claimed = Ledger.claimedWithoutCall(before, afterKill, received);
        tally.claimed += claimed.size();
        problems.addAll(claimed);

        List<String> recovery = recover(at, runDir, wanted, scenario.parallelism(), lockId, afterKill, received,
                tally);
        tally.notRecovered += recovery.isEmpty() ? 0 : 1;
        problems.addAll(recovery);
        return problems;
    }

    /**
     * A write killed in the middle left exactly the state before it (the one the previous write wrote) or exactly
     * the one it was writing, never anything else.
     */
    private static List<String> killedWrite(int nth, List<String> lines, byte[] left, Tally tally) {
        String leftDigest = KilledInvoke.sha256(left);
        String writing = writeDigest(lines, nth);
        String previous = writeDigest(lines, nth - 1);
        if (leftDigest.equals(writing)) {
            tally.writesDone++;
        } else if (leftDigest.equals(previous)) {
            tally.writesNotDone++;
        } else {
            return List.of("the killed write left a state that is neither the one before it nor the one it wrote");
        }
        return List.of();
    }

    /** The SHA-256 of what the child's {@code nth} write was about to store, as the child told it. */
    private static String writeDigest(List<String> lines, int nth) {
        String begin = KilledInvoke.WRITE_BEGIN + nth + " ";
        return lines.stream().filter(l -> l.startsWith(begin)).map(l -> l.substring(begin.length())).findFirst()
                .orElseThrow();
    }

    /** What the killed run did before the signal, or why it was no killed run. */
    private record Killed(List<String> lines, int arrived, List<Request> answered, String problem) {}

    /** Runs the child against {@code lambda} and kills it at the scenario's point. */
    private Killed kill(Scenario scenario, StateAt at, Path runDir, LocalLambdaServer lambda) throws Exception {
        for (String function : Workload.FUNCTIONS) {
            for (int i = 0; i < Workload.CALLS; i++) {
                lambda.enqueue(function, Reply.slow(scenario.reply()));
            }
        }
        AtomicInteger arrivals = new AtomicInteger();
        List<Request> answers = new CopyOnWriteArrayList<>();
        AtomicIntegerArray atKill = new AtomicIntegerArray(2);
        ChildJvm child = new ChildJvm(() -> {
            atKill.set(0, arrivals.get());
            atKill.set(1, answers.size());
        });
        lambda.onArrival(request -> {
            if (request.startsWith("POST ") && arrivals.incrementAndGet() == scenario.nth()
                    && scenario.point() == KillPoint.MID_CALL) {
                child.killAfter(Duration.ofMillis(scenario.delayMillis()), timer);
            }
        });
        lambda.onRequest(request -> {
            answers.add(request);
            if (scenario.point() == KillPoint.AFTER_REPLY && answers.size() == scenario.nth()) {
                child.kill();
            }
        });
        List<String> args = new ArrayList<>(List.of(lambda.endpoint(), runDir.resolve("out").toString(),
                Integer.toString(scenario.parallelism()), Integer.toString(scenario.pad())));
        args.addAll(at.args());
        Path stderr = runDir.resolve("child.err");
        long[] lastWrite = new long[2]; // when the write before the one aimed at began and ended (reader thread)
        child.start(args, stderr, line -> {
            if (scenario.point() == KillPoint.PLANNING && line.equals(KilledInvoke.LOCKED)) {
                child.killAfter(Duration.ofMillis(scenario.delayMillis()), timer);
            } else if (scenario.point() == KillPoint.STATE_WRITE) {
                if (line.startsWith(KilledInvoke.WRITE_BEGIN + (scenario.nth() - 1) + " ")) {
                    lastWrite[0] = System.nanoTime();
                } else if (line.equals(KilledInvoke.WRITE_END + (scenario.nth() - 1))) {
                    lastWrite[1] = System.nanoTime();
                } else if (line.startsWith(KilledInvoke.WRITE_BEGIN + scenario.nth() + " ")) {
                    child.killAfter(Duration.ofNanos((long) (scenario.writeShare() * (lastWrite[1] - lastWrite[0]))),
                            timer);
                }
            }
        });
        if (scenario.point() == KillPoint.JVM_START) {
            child.killAfter(Duration.ofMillis(scenario.delayMillis()), timer);
        }
        int exit = child.awaitEnd(Duration.ofSeconds(60));
        String problem = null;
        if (!child.killWasSent() || exit != ChildJvm.KILLED) {
            problem = "the child was not killed at its point: it ended with exit code " + exit + " after "
                    + child.lines() + System.lineSeparator() + String.join(System.lineSeparator(),
                            Files.readAllLines(stderr).stream().limit(40).toList());
        }
        return new Killed(List.copyOf(child.lines()), atKill.get(0), List.copyOf(answers.subList(0, atKill.get(1))),
                problem);
    }

    /** Whether the kill landed where its point says (see {@link KillPoint#landed}). */
    private static boolean landed(Scenario scenario, Killed killed, State afterKill) {
        List<String> lines = killed.lines();
        return switch (scenario.point()) {
            case JVM_START -> !lines.contains(KilledInvoke.LOCKED);
            case PLANNING -> lines.contains(KilledInvoke.LOCKED)
                    && lines.stream().noneMatch(l -> l.startsWith(KilledInvoke.WRITE_BEGIN));
            case MID_CALL -> killed.arrived() > killed.answered().size();
            case AFTER_REPLY -> killed.answered().stream().anyMatch(call -> afterKill.pending().values().stream()
                    .anyMatch(p -> p.payload().equals(call.payload())));
            case STATE_WRITE -> !lines.contains(KilledInvoke.WRITE_END + scenario.nth());
        };
    }

    /**
     * The run after the kill: must complete (after force-unlock when the dead build left its S3 lock), send again
     * exactly the pending calls and nothing settled, and leave the configured state; a run after it does nothing.
     */
    private List<String> recover(StateAt at, Path runDir, List<DesiredInvocation> wanted, int parallelism,
            String lockId, State afterKill, List<Request> killedCalls, Tally tally) throws IOException {
        List<String> problems = new ArrayList<>();
        try (LocalLambdaServer lambda = server(); StateAt.Opened next = open(at, lambda, runDir)) {
            InvocationEngine.RunOptions options = options(parallelism);
            if (lockId != null) {
                try {
                    next.engine().invoke(wanted, options);
                    problems.add("the next run went on although the dead build's lock " + lockId + " was there");
                } catch (StateLockedException e) {
                    if (!e.getMessage().contains(lockId)) {
                        problems.add("the lock failure does not name the lock id " + lockId + ": " + e.getMessage());
                    }
                }
                next.engine().forceUnlock(lockId);
            }
            next.engine().invoke(wanted, options);
            int more = next.engine().invoke(wanted, options).report().calls();
            if (more != 0) {
                problems.add("a run after the recovery still made " + more + " calls");
            }
            List<Request> sent = lambda.requests();
            List<String> needless = Ledger.needlessSends(sent, killedCalls, afterKill, wanted);
            tally.needless += needless.size();
            needless.forEach(call -> problems.add("the next run sent " + call + " again, which was settled"));
            List<String> notResent = Ledger.pendingNotResentOnce(afterKill, sent);
            tally.resentOnce += afterKill.pending().size() - notResent.size();
            problems.addAll(notResent);
            problems.addAll(Ledger.mismatches(StateCodec.decode(stored(at), at.toString()), wanted));
            if (at.inS3() && lockLeft(at) != null) {
                problems.add("the next run left a lock behind");
            }
        } catch (RuntimeException e) {
            problems.add("the next run failed: " + e);
        }
        return problems;
    }

    private static void invoke(StateAt at, LocalLambdaServer lambda, Path runDir, List<DesiredInvocation> wanted,
            int parallelism) {
        try (StateAt.Opened opened = open(at, lambda, runDir)) {
            opened.engine().invoke(wanted, options(parallelism));
        }
    }

    private static StateAt.Opened open(StateAt at, LocalLambdaServer lambda, Path runDir) {
        return at.open(lambda.endpoint(), runDir.resolve("out"), Listener.NONE, UnaryOperator.identity());
    }

    private static InvocationEngine.RunOptions options(int parallelism) {
        return new InvocationEngine.RunOptions(false, parallelism, Set.of(), Set.of());
    }

    private static LocalLambdaServer server() throws IOException {
        return LocalLambdaServer.start().function(Workload.FUNCTIONS.toArray(String[]::new));
    }

    /** The state's bytes as stored, read without the plugin. */
    private static byte[] stored(StateAt at) throws IOException {
        if (!at.inS3()) {
            return Files.readAllBytes(at.file());
        }
        return look.getObjectAsBytes(r -> r.bucket(at.bucket()).key(at.key())).asByteArray();
    }

    /** The id of the S3 lock a dead build left, or null. */
    private static String lockLeft(StateAt at) {
        if (!at.inS3()) {
            return null;
        }
        try {
            return LockInfo.fromJson(look.getObjectAsBytes(r -> r.bucket(at.bucket())
                    .key(new S3Location(at.bucket(), at.key()).lockKey()))
                    .asByteArray()).lockId();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** Temporary files a write left beside a local state when the kill came in the middle of it. */
    private static int tempFiles(Path runDir) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
