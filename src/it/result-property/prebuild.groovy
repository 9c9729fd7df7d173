import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'token-issuer', 'token-consumer')
// The issuer answers something other than its input, so the consumer can only have it from the result.
context.lambda.enqueue('token-issuer', Reply.result('{"token":"t-42","expires":3600}'))
true
