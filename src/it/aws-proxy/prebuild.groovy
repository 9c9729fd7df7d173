import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.RecordingProxy

ItHarness.start(context, 'fn-a')
def proxy = RecordingProxy.start(context.lambda.port()).requireBasicAuth('proxy-user', 'proxy-pass-x9')
context.proxy = proxy

// proxy-pass-x9, encrypted with the master password of settings-security.xml
def settings = new File(basedir, 'settings-template.xml').text.replace('PROXY_PORT', proxy.port() as String)
new File(basedir, 'proxy-settings.xml').text =
        settings.replace('PROXY_PASSWORD', '{V9Oth8gbHnMHcRasHlLaoWlW6Zm8C4dxLyCf7el9r3o=}')
new File(basedir, 'wrong-password-settings.xml').text = settings.replace('PROXY_PASSWORD', 'not-the-proxy-pass')
context.userProperties.put('settings.security', new File(basedir, 'settings-security.xml').absolutePath)

// run 1: a host name nobody resolves; only the proxy can reach it (it forwards to the local endpoint)
context.userProperties.put('lambda-invocation.lambdaEndpointUrl', 'http://lambda.example.test:' + context.lambda.port())
context.userProperties.put('it.run', '1')
true
