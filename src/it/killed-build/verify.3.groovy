import groovy.json.JsonSlurper

// Run 3 (batch 2) was killed while the update was in flight
context.killer.join(100_000)
assert context.kill.problem == null
assert context.kill.destroyed
def payloads = context.lambda.payloads('slowfn')
assert payloads.size() == 3
assert payloads[2] == '{"batch":2,"tf":{"action":"update","prev_input":{"batch":1}}}'
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
// what was done before stays recorded; the update is pending with what it would record
assert state.invocations.job.input == [batch: 1]
assert state.pending.job.event == 'update'
assert state.pending.job.payload == payloads[2]
assert state.pending.job.then.input == [batch: 2]
context.logLinesAfter3 = new File(basedir, 'build.log').readLines().size()
true
