import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // Run 4, -Dlambda-invocation.acknowledge=job: the update is recorded as done; nothing is sent
    assert lambda.payloads('slowfn').size() == 3
    def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter3)
    def warning = run.find { it.startsWith('[WARNING] INTERRUPTED: ') }
    assert warning.startsWith("[WARNING] INTERRUPTED: an earlier build sent the update call of 'job' to" +
            ' slowfn:$LATEST in us-east-1 at ')
    assert warning.endsWith(' and did not record its outcome (the build was killed, or the call got no answer in time).'
        + ' It is acknowledged: recorded as done without sending it again.')
    assert run.contains('[INFO]   ! job  interrupted  (outcome unknown, acknowledged): recorded as done without a call')
    assert run.contains('[INFO] Plan: 1 interrupted, 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget,'
            + ' 0 unchanged; 0 Lambda invocations.')

    def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.pending == null
    assert state.invocations.job.input == [batch: 2]
    // the update's outcome is unknown: the last known result (the create's) stays, for later readers
    def createResult = '{"batch":1,"tf":{"action":"create","prev_input":null}}'
    assert state.invocations.job.result == createResult
    assert new File(basedir, 'target/lambda-invocation/results/job.json').text == createResult
} finally {
    lambda?.stop()
}
true
