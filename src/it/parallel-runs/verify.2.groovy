import groovy.json.JsonSlurper

// Run 2, parallelism 1: one call at a time, in configuration order, all six recorded
def lambda = context.endpoints[1]
assert lambda.maxConcurrentRequests() == 1
assert lambda.requests()*.function() == (1..6).collect { "fn-$it" as String }
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/b-state.json'))
assert state.invocations.keySet() == (1..6).collect { "b-$it" as String } as Set
true
