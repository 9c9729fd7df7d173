import groovy.json.JsonSlurper

// Run 2, plain invoke: loud about the interrupted call, which is sent again with the same bytes, then recorded
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter1)
def warning = run.find { it.startsWith('[WARNING] INTERRUPTED: ') }
assert warning.startsWith("[WARNING] INTERRUPTED: an earlier build sent the create call of 'job' to" +
        ' slowfn:$LATEST in us-east-1 at ')
assert warning.endsWith(' and did not record its outcome (the build was killed, or the call got no answer in time).'
        + ' It is sent again with the same payload now. If it must not'
        + ' run twice, stop and run with -Dlambda-invocation.acknowledge=job to record it as done.')
assert run.contains('[INFO]   ! job  interrupted  (outcome unknown): send the create call to slowfn:$LATEST in us-east-1 again')
assert run.contains('[INFO] Applied: 0 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten, 1 recovered, 0 unchanged'
        + ' (1 Lambda invocation).')

def payloads = context.lambda.payloads('slowfn')
assert payloads.size() == 2
assert payloads[1] == payloads[0]

def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.pending == null
assert state.invocations.job.input == [batch: 1]
assert state.invocations.job.result == payloads[1]
context.logLinesAfter2 = new File(basedir, 'build.log').readLines().size()
true
