io.github.lambdainvocation.testing.ItHarness.start(context, 'fn-seed')
