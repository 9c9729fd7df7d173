import groovy.json.JsonSlurper
import java.security.MessageDigest

def lambda = context.lambda
try {
    def plan = new JsonSlurper().parse(new File(basedir, 'plans/approved.json'))
    // the endpoint received exactly the saved payloads, once each: the plain one as saved, the sensitive one
    // with the saved digest
    assert lambda.requests().size() == 2
    assert lambda.payloads('migrate') == [plan.changes[0].calls[0].payload]
    def token = lambda.payloads('issue-token')
    assert token == ['{"seed": "do-not-print-me-5831"}']
    assert 'sha256:' + MessageDigest.getInstance('SHA-256').digest(token[0].getBytes('UTF-8')).encodeHex() ==
            plan.changes[1].calls[0].payloadSha256

    def log = new File(basedir, 'build.log').text
    assert log =~ /Applying the saved plan \S*plans\/approved\.json: the state and the configuration are those it was made from/
    assert !log.contains('do-not-print-me-5831')
    def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations.keySet() == ['schema', 'token'] as Set
} finally {
    lambda?.stop()
}
true
