import io.github.lambdainvocation.testing.RecordingProxy

def endpoint = 'http://lambda.example.test:' + context.lambda.port()
def recorded = context.proxy.requests()
// the readiness check and the call, as absolute URIs naming the configured host
assert recorded.collect { it.method() + ' ' + it.target() } == [
        'GET ' + endpoint + '/2015-03-31/functions/fn-a',
        'POST ' + endpoint + '/2015-03-31/functions/fn-a/invocations']
// with the proxy's credentials, its password decrypted
recorded.each {
    assert it.proxyAuthorization() == RecordingProxy.basic('proxy-user', 'proxy-pass-x9')
    assert it.status() == 200
}
assert context.lambda.payloads('fn-a').size() == 1
true
