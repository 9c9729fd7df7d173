import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.S3ItHarness

ItHarness.start(context, 'fn-seed')
// an S3 endpoint that records whatever reaches it: nothing should
S3ItHarness.startRecorder(context)
