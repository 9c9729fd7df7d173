package io.github.lambdainvocation.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local state's lock holds across processes: several processes counting under it lose no increment, and none
 * of them leaves a file beside the state.
 */
class LockAcrossProcessesTest {

    private static final int PROCESSES = 3;
    private static final int ROUNDS = 40;

    @TempDir
    Path dir;

    @Test
    void processesTakingTurnsOnTheLockLoseNoUpdateAndLeaveNoLockFile() throws Exception {
        Path state = dir.resolve("state.json");
        Path counter = Files.writeString(dir.resolve("counter"), "0");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Counter.class.getName(), state.toString(),
                    counter.toString(), String.valueOf(ROUNDS))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out-" + i).toFile()).start());
        }
        for (int i = 0; i < PROCESSES; i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).as("process %d ended", i).isTrue();
            assertThat(processes.get(i).exitValue()).as(Files.readString(dir.resolve("out-" + i))).isZero();
        }

        assertThat(Files.readString(counter)).isEqualTo(String.valueOf(PROCESSES * ROUNDS));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith("out-")))
                    .containsExactly("counter");
        }
    }

    /** A child process: adds one to the counter file {@code rounds} times, each time under the state's lock. */
    public static final class Counter {
        public static void main(String[] args) throws Exception {
            LocalStateStore store = new LocalStateStore(Path.of(args[0]));
            Path counter = Path.of(args[1]);
            for (int round = 0; round < Integer.parseInt(args[2]); round++) {
                try (StateStore.Lock lock = store.lock()) {
                    int value = Integer.parseInt(Files.readString(counter));
                    Thread.onSpinWait();
                    Files.writeString(counter, String.valueOf(value + 1));
                }
            }
        }
    }
}
