import groovy.json.JsonSlurper

// Run 1 was killed while the create was in flight
context.killer.join(100_000)
assert context.kill.problem == null
assert context.kill.destroyed
def lines = new File(basedir, 'build.log').readLines()
def sent = lines.findIndexOf { it == '[INFO]   job: create -> slowfn:$LATEST in us-east-1 (54 bytes)' }
assert sent > 0
// the process died in the call: no answer, no summary, no end of the build
assert !lines.drop(sent).any { it.contains('job: create done') || it.startsWith('[INFO] Applied: ') || it.contains('BUILD ') }

// the state knows the create was sent, and exactly what was sent; nothing is recorded as done
def payloads = context.lambda.payloads('slowfn')
assert payloads == ['{"batch":1,"tf":{"action":"create","prev_input":null}}']
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations == [:]
assert state.pending.keySet() == ['job'] as Set
def pending = state.pending.job
assert pending.event == 'create'
assert pending.functionName == 'slowfn'
assert pending.payload == payloads[0]
assert pending.then.input == [batch: 1]
context.logLinesAfter1 = lines.size()
true
