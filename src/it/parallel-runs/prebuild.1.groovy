import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply
import java.time.Duration

def functions = (1..6).collect { "fn-$it" as String }
ItHarness.start(context, *functions)
context.endpoints << context.lambda
// every call takes 1 s: with 3 at a time, two waves
functions.each { context.lambda.enqueue(it, Reply.slow(Duration.ofSeconds(1))) }
true
