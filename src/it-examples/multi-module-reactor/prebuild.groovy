import io.github.lambdainvocation.testing.ExampleHarness
import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.S3ItHarness

ExampleHarness.checkPluginVersion(basedir, pluginVersion)
ItHarness.start(context, 'queue_admin', 'ledger_admin')
S3ItHarness.start(context, 'acme-platform-state')
true
