import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'fn-busy')
context.lambda.enqueue('fn-busy', Reply.apiError(429, 'TooManyRequestsException', 'Rate exceeded'))
true
