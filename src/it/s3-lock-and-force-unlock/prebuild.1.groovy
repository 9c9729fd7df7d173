import io.github.lambdainvocation.testing.S3ItHarness

// The lock of a build that died halfway: the body the plugin writes (LockInfo), with a known id and time.
context.lock = '''{
  "lockId" : "dead-beef",
  "who" : "ci@died",
  "goal" : "invoke",
  "project" : "x:y",
  "pluginVersion" : "0.0.1",
  "created" : "2026-01-02T03:04:05Z"
}
'''
S3ItHarness.put(context, 'team/state.json.lock', context.lock)
assert S3ItHarness.keys(context) == ['team/state.json.lock']
true
