import io.github.lambdainvocation.testing.ItHarness

ItHarness.start(context, 'fn-pending', 'fn-failed', 'fn-stuck')
context.lambda.states('fn-pending', 'Pending/InProgress', 'Active/Successful')
context.lambda.states('fn-failed', 'Failed/Failed:The image of the function could not be pulled')
context.lambda.states('fn-stuck', 'Pending/InProgress')
true
