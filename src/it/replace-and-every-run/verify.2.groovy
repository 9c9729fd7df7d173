import groovy.json.JsonSlurper

// Run 2, status -Dlambda-invocation.replace=x: the plan shows the replacement; nothing is invoked, not even warm
def lambda = context.lambda
assert lambda.requests().size() == context.requestsAfter1
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter1)
assert run.findAll { it ==~ /\[INFO\] .{3} (x|warm) .*/ } == [
        '[INFO] -/+ x     replace  (replace requested): delete fn-x:$LATEST in us-east-1, then create fn-x:$LATEST in us-east-1',
        '[INFO]  <= warm  refresh  (every run): invoke warmer:$LATEST in us-east-1']
assert run.contains('[INFO] Plan: 1 to refresh, 0 to create, 0 to update, 1 to replace, 0 to delete, 0 to forget,'
        + ' 0 unchanged; 3 Lambda invocations.')
def status = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/status.json'))
assert status.invocations.collect { [it.id, it.action, it.reasons, it.calls*.event] } == [
        ['x', 'replace', ['replace requested'], ['delete', 'create']],
        ['warm', 'refresh', ['every run'], ['invoke']]]
// the state still holds run 1's results
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.warm.result == '{"warmed": 1}'
context.logLinesAfter2 = new File(basedir, 'build.log').readLines().size()
true
