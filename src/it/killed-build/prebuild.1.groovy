import io.github.lambdainvocation.testing.LocalLambdaServer.Reply
import java.time.Duration

// the create takes 20 s: long enough to kill the build while it waits
context.lambda.enqueue('slowfn', Reply.slow(Duration.ofSeconds(20)))
context.killDuringNextCall()
true
