import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'password-issuer')
// the same secret is spelled out in verify.1.groovy and verify.groovy
context.lambda.enqueue('password-issuer', Reply.result('{"user":"app","password":"pw-e9d1-only-in-results"}'))
true
