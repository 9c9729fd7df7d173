io.github.lambdainvocation.testing.ItHarness.start(context, 'fn-crud', 'fn-once', 'fn-new')
