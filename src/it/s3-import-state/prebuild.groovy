import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.S3ItHarness

ItHarness.start(context, 'fn-tenant')
S3ItHarness.start(context, 's3-import-state')
