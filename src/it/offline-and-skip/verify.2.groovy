// Skipped: nothing sent, nothing written, no plan even.
assert context.lambda.requests().isEmpty()
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()

def lines = new File(basedir, 'build.log').readLines()
assert '[INFO] Skipped (lambda-invocation.skip is set).' in lines
// only run 1 planned
assert lines.count { it.startsWith('[INFO] Plan: ') } == 1
true
