// What status must not change: the requests so far and the state file.
assert context.lambda.requests().size() == 2
context.stateAfterInvoke = new File(basedir, 'target/lambda-invocation/state.json').bytes
true
