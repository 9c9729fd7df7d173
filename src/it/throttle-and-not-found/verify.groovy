import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // the readiness check (GetFunction) finds fn-missing missing: no Invoke is sent to it at all
    assert lambda.requests().findAll { it.function() == 'fn-missing' }.isEmpty()
    assert lambda.requests().size() == 2

    def failure = new File(basedir, 'build.log').readLines().find { it.startsWith('[ERROR] Failed to execute goal ') }
    assert failure.contains(": Invocation 'warm-up' (replace) failed. Lambda has no function fn-missing" +
            ' with qualifier live (region us-east-1) ')
    assert failure.endsWith(' ResourceNotFoundException (HTTP 404): Function not found:' +
            ' arn:aws:lambda:us-east-1:000000000000:function:fn-missing:live. The function did not run.')

    // the state still records the invocation on fn-busy
    def recorded = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json')).invocations
    assert recorded.keySet() == ['warm-up'] as Set
    assert recorded['warm-up'].functionName == 'fn-busy'
    assert recorded['warm-up'].qualifier == '$LATEST'
} finally {
    lambda?.stop()
}
