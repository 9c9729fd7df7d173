def sentinels = ['AKIDSENTINEL0QX7', 'SECRET-SENTINEL', 'TOKEN-SENTINEL', 'FILE-SENTINEL']
def lambda = context.lambda
try {
    def log = new File(basedir, 'build.log').text
    // the test means something only if debug logging was on and the sentinels were in use
    assert log.contains('[DEBUG] Sending Request: '): 'the AWS SDK printed no debug line: was -X on?'
    assert lambda.requests().every { it.securityToken() == 'TOKEN-SENTINEL-session-9c8' }
    assert lambda.payloads('fn-secret').size() == 2
    assert lambda.payloads('fn-secret').every { it.contains('FILE-SENTINEL') }
    assert log.count('[ERROR] Failed to execute goal ') == 1
    assert log.contains('at io.github.lambdainvocation.'): '-e printed no stack trace'

    sentinels.each { assert !log.contains(it): "build.log shows $it" }
    assert !log.contains('AWS4 Canonical Request'): 'the signer printed its canonical request'
    def status = new File(basedir, 'target/lambda-invocation/status.json').text
    sentinels.each { assert !status.contains(it): "status.json shows $it" }
    true
} finally {
    lambda?.stop()
}
