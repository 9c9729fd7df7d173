import io.github.lambdainvocation.testing.ItHarness

ItHarness.start(context, 'fn')
true
