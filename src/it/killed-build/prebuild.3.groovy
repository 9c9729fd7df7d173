import io.github.lambdainvocation.testing.LocalLambdaServer.Reply
import java.time.Duration

// the update takes 20 s: the build is killed while it waits
context.lambda.enqueue('slowfn', Reply.slow(Duration.ofSeconds(20)))
context.killDuringNextCall()
true
