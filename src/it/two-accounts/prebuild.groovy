import io.github.lambdainvocation.testing.ItHarness

ItHarness.start(context, 'fn-billing', 'fn-orders', 'fn-ledger', 'fn-shared')
true
