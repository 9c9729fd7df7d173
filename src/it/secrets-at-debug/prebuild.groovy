import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'fn-secret', 'fn-public')
context.lambda.enqueue('fn-secret',
        Reply.echoLogging('logged in'),
        // run 3: the function fails and quotes the new secret in its message and its log
        Reply.functionError('Unhandled', 'LoginError', 'refused FILE-SENTINEL-second-e5a',
                'tried FILE-SENTINEL-second-e5a'))
true
