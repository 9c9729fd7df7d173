import io.github.lambdainvocation.testing.ExampleHarness
import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ExampleHarness.checkPluginVersion(basedir, pluginVersion)
ItHarness.start(context, 'tenant_admin')
// the function makes up the tenant's id: the test can only know it from the invocation's result
context.tenantId = 't-' + UUID.randomUUID().toString().substring(0, 8)
context.lambda.enqueue('tenant_admin',
        Reply.result('{"tenant": {"id": "' + context.tenantId + '", "name": "it-' + System.getProperty('user.name') + '"}}'))
true
