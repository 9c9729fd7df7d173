import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.S3ItHarness

ItHarness.start(context, 'fn-seed')
S3ItHarness.start(context, 's3-lock-and-force-unlock')
