def lambda = context.lambda
try {
    // Run 2: b's function does not exist: the build fails naming the invocation and the function
    def requests = lambda.requests().drop(context.requestsAfter1)
    assert requests.collect { [it.function(), it.invocationType(), it.reply()] } ==
            [['fn-a', 'DryRun', 'dry-run'], ['ghost', 'DryRun', 'api-error:ResourceNotFoundException'],
             ['fn-c', 'DryRun', 'dry-run']]
    ['fn-a', 'fn-b', 'fn-c', 'ghost'].each { assert lambda.events(it).isEmpty() }
    def lines = new File(basedir, 'build.log').readLines()
    def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal ') }
    assert failure.contains(": invocation 'b': Lambda has no function ghost with qualifier \$LATEST (region us-east-1)")
    assert lines.count { it.startsWith('[INFO] Verified ') } == 1
    assert !new File(basedir, 'target/lambda-invocation/state.json').exists()
} finally {
    lambda?.stop()
}
true
