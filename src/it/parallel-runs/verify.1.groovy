import groovy.json.JsonSlurper

// Run 1, parallelism 3: six 1 s calls, never more than three at once, all six recorded
def lambda = context.endpoints[0]
assert lambda.maxConcurrentRequests() == 3
assert lambda.requests()*.function().sort() == (1..6).collect { "fn-$it" as String }
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/a-state.json'))
assert state.invocations.keySet() == (1..6).collect { "a-$it" as String } as Set
assert state.pending == null
true
