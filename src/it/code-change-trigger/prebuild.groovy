import io.github.lambdainvocation.testing.ItHarness

ItHarness.start(context, 'migrator')
context.lambda.code('migrator', 'sha-1', '3')
true
