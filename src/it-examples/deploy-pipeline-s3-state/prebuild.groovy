import io.github.lambdainvocation.testing.ExampleHarness
import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.S3ItHarness

ExampleHarness.checkPluginVersion(basedir, pluginVersion)
ItHarness.start(context, 'release_registry', 'data_processor')
S3ItHarness.start(context, 'acme-deploy-state')
true
