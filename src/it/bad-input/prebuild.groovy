io.github.lambdainvocation.testing.ItHarness.start(context, 'fn-greet', 'fn-schema')
context.originalState = new File(basedir, 'recorded-state.json').bytes
true
