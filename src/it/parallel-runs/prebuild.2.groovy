import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply
import java.time.Duration

def functions = (1..6).collect { "fn-$it" as String }
ItHarness.start(context, *functions)
context.endpoints << context.lambda
functions.each { context.lambda.enqueue(it, Reply.slow(Duration.ofMillis(300))) }
true
