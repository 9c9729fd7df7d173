import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.S3ItHarness

ItHarness.start(context, 'data_processor')
S3ItHarness.start(context, 's3-state-lifecycle')
