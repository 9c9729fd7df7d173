package io.github.lambdainvocation.reliability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The counts of a reliability suite, and every problem found, for its report. */
final class Tally {

    private final Map<KillPoint, int[]> points = new EnumMap<>(KillPoint.class);
    private final List<String> problems = new ArrayList<>();
    int runs;
    int inS3;
    int parallel;
    int corrupt;
    int unaccounted;
    int notRecovered;
    int needless;
    int claimed;
    int reached;
    int answered;
    int pendingAfterKill;
    int resentOnce;
    int locksLeft;
    int tempFiles;
    /** Kills inside a state write that left the state it was writing, or the one before it. */
    int writesDone;
    int writesNotDone;

    /** One killed run at {@code point}; {@code landed}: the kill landed where {@link KillPoint#landed} says. */
    void run(KillPoint point, boolean s3, boolean inParallel, boolean landed) {
        runs++;
        inS3 += s3 ? 1 : 0;
        parallel += inParallel ? 1 : 0;
        int[] counts = points.computeIfAbsent(point, p -> new int[2]);
        counts[0]++;
        counts[1] += landed ? 1 : 0;
    }

    /** Problems of one run: each is a line of the failure, prefixed with {@code run}. */
    void problems(String run, List<String> found) {
        found.forEach(p -> problems.add(run + ": " + p));
    }

    List<String> problems() {
        return problems;
    }

    /** The report: the headline, then where the kills landed, then what they met. */
    String report() {
        String headline = runs + " runs, " + corrupt + " corrupt states, " + unaccounted
                + " completed calls unrecorded without a pending record, "
                + (notRecovered == 0 ? "next run recovers" : "next run failed in " + notRecovered + " runs");
        String where = points.entrySet().stream()
                .map(e -> e.getKey().label + " " + e.getValue()[0] + " (" + e.getValue()[1] + " " + e.getKey().landed
                        + (e.getKey() == KillPoint.STATE_WRITE ? ": " + writesNotDone + " left the state before it, "
                                + writesDone + " the one it wrote" : "") + ")")
                .collect(Collectors.joining(", ", "kill points: ", ""));
        String how = "state: local file " + (runs - inS3) + ", S3 " + inS3 + "; parallelism 1: " + (runs - parallel)
                + ", 4 to 6: " + parallel;
        String met = "calls: " + reached + " reached the function (" + answered + " answered before the kill); "
                + pendingAfterKill + " left pending, " + resentOnce + " of them sent again exactly once by the next run; "
                + needless
                + " needless sends; " + claimed + " records without their call; " + locksLeft
                + " S3 locks left, each removed with force-unlock by its id; " + tempFiles
                + " temporary files left beside a local state";
        return String.join(System.lineSeparator(), headline, where, how, met);
    }
}
