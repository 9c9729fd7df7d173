io.github.lambdainvocation.testing.ItHarness.start(context, 'data_processor')
