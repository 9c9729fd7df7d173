import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'fn-x', 'warmer')
// warm answers something new on each call, so its result file shows each refresh
context.lambda.enqueue('warmer', Reply.result('{"warmed": 1}'), Reply.result('{"warmed": 2}'),
        Reply.result('{"warmed": 3}'))
true
