// Run 1: a DryRun per known call; nothing ran, nothing is recorded
def lambda = context.lambda
def requests = lambda.requests()
assert requests.collect { [it.function(), it.invocationType(), it.reply()] } ==
        [['fn-a', 'DryRun', 'dry-run'], ['fn-b', 'DryRun', 'dry-run'], ['fn-c', 'DryRun', 'dry-run']]
// c's input is known only when it runs: its function is checked with an empty object
assert requests[2].payload() == '{}'
['fn-a', 'fn-b', 'fn-c'].each { assert lambda.events(it).isEmpty() }
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()
def log = new File(basedir, 'build.log').readLines()
assert log.containsAll([
        '[INFO]   a: create -> fn-a:$LATEST in us-east-1: may be invoked (DryRun)',
        '[INFO]   b: invoke -> fn-b:$LATEST in us-east-1: may be invoked (DryRun)',
        '[INFO]   c: create -> fn-c:$LATEST in us-east-1: may be invoked (DryRun)',
        '[INFO] Verified 3 planned calls with DryRun.'])
context.requestsAfter1 = requests.size()
true
