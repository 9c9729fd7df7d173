io.github.lambdainvocation.testing.ItHarness.start(context, 'fn-a', 'fn-b', 'fn-c')
