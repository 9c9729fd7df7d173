import java.security.MessageDigest

def lambda = context.lambda
try {
    // the refused run invoked nothing more and left the state byte for byte
    assert lambda.requests().size() == 1
    def state = new File(basedir, 'target/lambda-invocation/state.json').bytes
    assert state == context.stateAfterInvoke

    def refused = new File(basedir, 'build.log').readLines().drop(context.logLines).join('\n')
    def digest = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(state).encodeHex()
    assert refused =~ /The saved plan \S*plans\/approved\.json was made from another version of the state: \S*state\.json has changed since \(version then: none, now: ${digest}\)\. Make a new plan with mvn lambda-invocation:status -Dlambda-invocation\.planOut=\S*plans\/approved\.json and apply that one\./
    assert refused.contains('Nothing was invoked and the state was not changed.')
    assert !refused.contains('Applying the saved plan')
} finally {
    lambda?.stop()
}
true
