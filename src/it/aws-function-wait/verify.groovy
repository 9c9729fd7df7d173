def lambda = context.lambda
try {
    // run 3: c's function was asked until the timeout passed, and never invoked
    assert lambda.getFunctionCalls('fn-stuck') >= 2
    assert lambda.events('fn-stuck').isEmpty()
    assert lambda.requests().size() == 2

    def failure = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[ERROR] Failed to execute goal ') }[1]
    assert failure.endsWith(": Invocation 'c' (create) failed. The function fn-stuck:\$LATEST in us-east-1 is still not" +
            ' ready (state Pending, last update InProgress) after 1 s (<functionWaitTimeout>). Nothing was invoked.')
    true
} finally {
    lambda?.stop()
}
