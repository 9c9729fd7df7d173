io.github.lambdainvocation.testing.ItHarness.start(context, 'fixture-loader')
