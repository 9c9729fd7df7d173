import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply
import java.time.Duration

def functions = (1..6).collect { "fn-$it" as String }
ItHarness.start(context, *functions)
context.endpoints << context.lambda
// c-1, c-2 and c-3 start together: c-1 and c-3 fail at once, c-2 is still running for a second
context.lambda.enqueue('fn-1', Reply.functionError('Unhandled', 'QuotaError', 'tenant quota reached', 'job 1 failed'))
context.lambda.enqueue('fn-2', Reply.slow(Duration.ofSeconds(1)))
context.lambda.enqueue('fn-3', Reply.functionError('Handled', 'ValidationError', 'bad job 3', 'job 3 failed'))
true
