package io.github.lambdainvocation.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A child JVM running {@link KilledInvoke} on the test's class path, its stdout read line by line as it comes,
 * and the SIGKILL that ends it ({@link ProcessHandle#destroyForcibly()} on Linux).
 */
final class ChildJvm {

    /** How the JVM reports a process that SIGKILL ended: 128 + 9. */
    static final int KILLED = 137;

    private final Runnable atKill;
    private final AtomicBoolean killed = new AtomicBoolean();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Process process;
    private volatile IOException unread;
    private Thread reader;

    /** @param atKill runs just before the signal is sent (to note what had happened by then) */
    ChildJvm(Runnable atKill) {
        this.atKill = atKill;
    }

    /** Starts the child with {@code args}; {@code onLine} sees each line of its stdout, in the reading thread. */
    void start(List<String> args, Path stderr, Consumer<String> onLine) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), KilledInvoke.class.getName()));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    onLine.accept(line);
                }
            } catch (IOException e) {
                unread = e;
            }
        }, "killed-invoke-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Sends SIGKILL, once. Through the process handle: {@link Process#destroyForcibly()} would also close the
     * child's stdout here, and lose the lines it wrote just before it died.
     */
    void kill() {
        if (killed.compareAndSet(false, true)) {
            atKill.run();
            process.toHandle().destroyForcibly();
        }
    }

    /** Sends SIGKILL after {@code delay} (at once for zero). */
    void killAfter(Duration delay, ScheduledExecutorService timer) {
        if (delay.isZero()) {
            kill();
        } else {
            timer.schedule(this::kill, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    boolean killWasSent() {
        return killed.get();
    }

    /** Waits until the child ended and all it wrote was read; returns its exit code. */
    int awaitEnd(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            process.waitFor();
        }
        reader.join(timeout.toMillis());
        if (unread != null) {
            throw new UncheckedIOException("the child's stdout could not be read to its end", unread);
        }
        return process.exitValue();
    }

    /** What the child wrote to stdout. */
    List<String> lines() {
        return lines;
    }
}
