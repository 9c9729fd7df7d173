import io.github.lambdainvocation.testing.ExampleHarness
import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ExampleHarness.checkPluginVersion(basedir, pluginVersion)
ItHarness.start(context, 'tenant_admin', 'catalog_loader', 'search_indexer', 'ops_notifier')
// answers that are not echoes of the input: what the others receive can only come from these results
context.lambda.enqueue('tenant_admin', Reply.result('{"tenant": {"id": "t-5e1f", "plan": "basic"}}'))
context.lambda.enqueue('catalog_loader', Reply.result('{"loaded": 25}'), Reply.result('{"loaded": 40}'))
true
