// What the refused run must not change: the calls so far and the state the plain invoke wrote.
assert context.lambda.requests().size() == 1
context.stateAfterInvoke = new File(basedir, 'target/lambda-invocation/state.json').bytes
context.logLines = new File(basedir, 'build.log').readLines().size()
true
