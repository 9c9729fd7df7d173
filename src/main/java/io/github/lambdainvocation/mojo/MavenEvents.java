package io.github.lambdainvocation.mojo;

import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.event.Listener;
import io.github.lambdainvocation.event.Progress;
import io.github.lambdainvocation.model.Durations;
import io.github.lambdainvocation.model.Lines;
import io.github.lambdainvocation.plan.PlanReport;

/**
 * The core's events as Maven log lines: the plan, each call, waits and retries, with the POM element names and
 * {@code -D} hints the user types. Thread-safe: the console is.
 */
public final class MavenEvents implements Listener {

    private final Console console;
    private final boolean printLogs;
    private final Progress progress;

    /**
     * @param printLogs print the log tail of successful calls at info level (else at debug level)
     */
    public MavenEvents(Console console, boolean printLogs) {
        this(console, printLogs, Progress.NONE);
    }

    /** @param progress how long calls and waits run before they tell, at info, that they still do */
    public MavenEvents(Console console, boolean printLogs, Progress progress) {
        this.console = console;
        this.printLogs = printLogs;
        this.progress = progress;
    }

    public MavenEvents(Console console) {
        this(console, false);
    }

    @Override
    public Progress progress() {
        return progress;
    }

    /**
     * One chain of type tests per group of events, not a map of renderers: only the classes of the events a run
     * sends, and of those tested before them, are loaded (a run with nothing to invoke sends three).
     */
    @Override
    public void on(Event event) {
        if (!planning(event) && !applying(event) && !lambda(event) && !state(event)) {
            console.debug(event.toString());
        }
    }

    /** Renders the event if it is one of this group's; false if it is not. */
    private boolean planning(Event event) {
        if (event instanceof Event.PlanReady e) {
            planReady(e);
        } else if (event instanceof Event.StateLocked e) {
            console.warn("The state " + e.stateLocation() + " is locked by "
                    + e.holder() + ". A run of invoke or destroy now would fail or wait for it.");
        } else if (event instanceof Event.InterruptedCallFound e) {
            console.warn(interrupted(e));
        } else if (event instanceof Event.NothingToDestroy e) {
            console.info("'" + e.id() + "' is not recorded in the state:"
                    + " nothing to destroy.");
        } else if (event instanceof Event.StatusWritten e) {
            console.info("Plan written to " + e.file());
        } else if (event instanceof Event.PlanSaved e) {
            console.info("Plan saved to " + e.file() + " (readable by you only;"
                    + (e.digestsOnly() ? " sensitive payloads as digests only;" : "") + " apply it with"
                    + " -Dlambda-invocation.plan=" + e.file() + ")");
        } else if (event instanceof Event.SavedPlanMatches e) {
            console.info("Applying the saved plan " + e.file() + ": the state"
                    + " and the configuration are those it was made from.");
        } else if (event instanceof Event.DryRunPassed e) {
            console.info("  " + e.id() + ": " + e.event() + " -> "
                    + e.target().describe() + ": may be invoked (DryRun)");
        } else if (event instanceof Event.Verified e) {
            console.info("Verified " + e.calls() + " planned call"
                    + (e.calls() == 1 ? "" : "s") + " with DryRun.");
        } else {
            return false;
        }
        return true;
    }

    private void planReady(Event.PlanReady e) {
        if (e.plan().changes().isEmpty()) {
            console.info("No invocations are configured or recorded (state " + e.stateLocation() + ").");
            return;
        }
        console.info("Lambda invocation plan (state " + e.stateLocation() + "):");
        for (String line : PlanReport.lines(e.plan())) {
            console.info(line);
        }
        console.info(PlanReport.summary(e.plan()));
    }

    /** What an earlier build left, in the words of the goal that found it. */
    static String interrupted(Event.InterruptedCallFound e) {
        var call = e.call();
        String found = "INTERRUPTED: an earlier build sent the " + call.event() + " call of '" + call.id() + "' to "
                + call.target().describe() + " at " + call.startedAt() + " and did not record its outcome (the build"
                + " was killed, or the call got no answer in time). ";
        if (e.acknowledged()) {
            return found + "It is acknowledged: recorded as done without sending it again.";
        }
        String acknowledge = "-Dlambda-invocation.acknowledge=" + call.id();
        if (e.goal() == Event.Goal.STATUS) {
            return found + "The next invoke or destroy sends it again with the same payload; to record it as done"
                    + " instead, run it with " + acknowledge + ".";
        }
        return found + "It is sent again with the same payload now. If it must not run twice, stop and run with "
                + acknowledge + " to record it as done.";
    }

    /** Renders the event if it is one of this group's; false if it is not. */
    private boolean applying(Event event) {
        if (event instanceof Event.UnchangedAfterAll e) {
            console.info("  " + e.id() + ": unchanged after all: the results"
                    + " it reads did not change");
        } else if (event instanceof Event.CallStarted e) {
            console.info("  " + e.id() + ": " + e.event() + " -> "
                    + e.target().describe() + " (" + e.bytes() + " bytes" + (e.async() ? ", asynchronous" : "") + ")");
        } else if (event instanceof Event.CallDone e) {
            console.info("  " + e.id() + ": " + e.event()
                    + (e.async() ? " accepted by Lambda in " : " done in ") + e.took().toMillis() + " ms"
                    + (e.executedVersion() == null ? "" : ", executed version " + e.executedVersion()));
        } else if (event instanceof Event.CallStillRunning e) {
            console.info("lambda-invocation: " + e.id() + " ("
                    + e.target().describe() + ") still running (" + still(e.elapsed(), e.limit()) + ")");
        } else if (event instanceof Event.LogTail e) {
            String tail = "  " + e.id() + ": log tail:" + System.lineSeparator() + Lines.indented(Lines.of(e.text()));
            if (printLogs) {
                console.info(tail);
            } else {
                console.debug(tail);
            }
        } else if (event instanceof Event.Applied e) {
            console.info("Applied: " + e.report().summary() + ".");
        } else if (event instanceof Event.ApplyReportWritten e) {
            console.debug("Apply report written to " + e.file());
        } else if (event instanceof Event.ApplyReportNotWritten e) {
            console.warn("The apply report " + e.file() + " could not be"
                    + " written: " + e.reason());
        } else if (event instanceof Event.ResultFilesNotRemoved e) {
            console.warn("Could not remove old result files: "
                    + e.reason());
        } else if (event instanceof Event.EphemeralResultNotAvailable e) {
            console.info("  " + e.id() + ": no result to hand over:"
                    + " it was not invoked in this run and its last result was not kept ("
                    + MavenText.render("{{keepResult=false}}") + "), so no property, outputs or results file is set"
                    + " for it");
        } else if (event instanceof Event.ResultsNotPublished e) {
            console.warn(MavenText.render(e.reason()));
        } else if (event instanceof Event.StateAdopted e) {
            console.info("The state " + e.stateLocation() + " has no owner yet (an"
                    + " older plugin wrote it): it is recorded as " + e.owner() + "'s from now on, and runs of other"
                    + " projects will be refused.");
        } else if (event instanceof Event.StateTakenOver e) {
            console.info("The state " + e.stateLocation() + " is taken over from "
                    + e.from() + ": it is recorded as " + e.to() + "'s from now on.");
        } else if (event instanceof Event.StateImported e) {
            console.info("Imported " + e.invocations() + " recorded invocation(s)"
                    + " from " + e.from() + " into " + e.to() + ". The source was left as it was; remove it once builds"
                    + " use the new location.");
        } else {
            return false;
        }
        return true;
    }

    /** Renders the event if it is one of this group's; false if it is not. */
    private boolean lambda(Event event) {
        if (event instanceof Event.Throttled e) {
            console.warn("Lambda throttled the call to " + e.target().describe() + " ("
                    + e.errorCode() + "); it did not run. Retrying in " + e.delay().toMillis() + " ms (attempt "
                    + e.nextAttempt() + " of " + e.maxAttempts() + ").");
        } else if (event instanceof Event.ConnectionRefused e) {
            console.warn("Could not connect to Lambda for "
                    + e.target().describe() + " (" + e.reason() + "); nothing was sent. Retrying in "
                    + e.delay().toMillis() + " ms (attempt " + e.nextAttempt() + " of " + e.maxAttempts() + ").");
        } else if (event instanceof Event.WaitingForFunction e) {
            console.info("Waiting for the function " + e.target().describe()
                    + " to be ready (" + e.where() + "), up to " + Durations.describe(e.timeout()) + ".");
        } else if (event instanceof Event.StillWaitingForFunction e) {
            console.info("lambda-invocation: still waiting for the"
                    + " function " + e.target().describe() + " to be ready (" + still(e.elapsed(), e.limit()) + ")");
        } else if (event instanceof Event.FunctionReady e) {
            console.info("The function " + e.target().describe() + " is ready.");
        } else {
            return false;
        }
        return true;
    }

    /** "30 s of at most 15 m": how long a progress line's wait has lasted, and its bound. */
    static String still(java.time.Duration elapsed, java.time.Duration limit) {
        return brief(elapsed) + " of at most " + brief(limit);
    }

    /** Whole seconds as "45 s", "15 m" or "2 m 30 s". */
    static String brief(java.time.Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " m" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    /** Renders the event if it is one of this group's; false if it is not. */
    private boolean state(Event event) {
        if (event instanceof Event.ProxyUsed e) {
            console.debug("AWS calls go through Maven's proxy " + e.proxy());
        } else if (event instanceof Event.WaitingForLock e) {
            console.info("The state " + e.stateLocation() + " is locked by "
                    + e.holder() + "; waiting up to " + e.timeout().toSeconds() + " s.");
        } else if (event instanceof Event.StillWaitingForLock e) {
            console.info("lambda-invocation: still waiting for the lock of "
                    + e.stateLocation() + ", held by " + e.holder() + " (" + still(e.elapsed(), e.limit()) + ")");
        } else if (event instanceof Event.LockTaken e) {
            console.debug("Took the state lock " + e.lockKey() + " (lock id "
                    + e.lockId() + ")");
        } else if (event instanceof Event.LockReleased e) {
            console.debug("Released the state lock (lock id " + e.lockId() + ")");
        } else if (event instanceof Event.LockRemoved e) {
            console.info("Removed the lock of " + e.stateLocation() + " held by "
                    + e.holder() + ".");
        } else if (event instanceof Event.LockLost e) {
            console.warn("The lock of " + e.stateLocation() + " was no longer this build's (lock id " + e.lockId()
                    + "): someone removed it with force-unlock while this build ran. It was left alone.");
        } else {
            return false;
        }
        return true;
    }
}
