import io.github.lambdainvocation.testing.S3ItHarness

// A build that is alive and holds the lock: it releases it once invoke 6 has said, in build.log, that it waits.
S3ItHarness.put(context, 'team/state.json.lock', '''{
  "lockId" : "live-1",
  "who" : "alice@laptop",
  "goal" : "destroy",
  "project" : "x:y",
  "pluginVersion" : "0.0.1",
  "created" : "2026-01-02T03:04:05Z"
}
''')
def log = new File(basedir, 'build.log')
context.releaser = Thread.start {
    def deadline = System.currentTimeMillis() + 45_000
    while (!log.text.contains('; waiting up to 60 s.') && System.currentTimeMillis() < deadline) {
        sleep 200
    }
    context.releasedAt = System.currentTimeMillis()
    S3ItHarness.delete(context, 'team/state.json.lock')
}
true
