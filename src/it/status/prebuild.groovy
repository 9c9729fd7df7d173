io.github.lambdainvocation.testing.ItHarness.start(context, 'fn-config', 'fn-steady')
