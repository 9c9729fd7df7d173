import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'fn-a', 'fn-b')
// b's first call fails inside the function; later calls echo again
context.lambda.enqueue('fn-b', Reply.functionError('Unhandled', 'MigrationError',
        'column "email" already exists',
        'ERROR applying migration add-email\nTraceback: migrate.py line 42'))
true
