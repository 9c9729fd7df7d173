import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'fn-secret', 'fn-public')
// run 1: the function fails, quoting the secret in its message and its log
context.lambda.enqueue('fn-secret',
        Reply.functionError('Unhandled', 'LoginError', 'login refused for password s3cr3t-marker-42',
                'trying password s3cr3t-marker-42'),
        // run 3: it succeeds, and logs the secret again
        Reply.echoLogging('logged in with s3cr3t-marker-42'))
context.lambda.enqueue('fn-public', Reply.echoLogging('public-log-marker-7'))
true
