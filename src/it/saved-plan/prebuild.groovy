io.github.lambdainvocation.testing.ItHarness.start(context, 'migrate', 'issue-token')
