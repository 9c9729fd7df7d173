// Offline: refused before any request, nothing recorded.
assert context.lambda.requests().isEmpty()
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()

def failure = new File(basedir, 'build.log').readLines().find { it.startsWith('[ERROR] Failed to execute goal ') }
assert failure.endsWith(': Maven is offline (-o), and this run has 1 Lambda invocation to make.' +
        ' Run without -o, or use the status goal to see the plan.')
true
