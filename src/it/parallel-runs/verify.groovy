import groovy.json.JsonSlurper

try {
    // Run 3, parallelism 3: c-1, c-2 and c-3 start together; c-1 and c-3 fail while c-2 still runs.
    def lambda = context.endpoints[2]
    // nothing new started after the first failure: c-4 to c-6 were never sent
    assert lambda.requests()*.function().sort() == ['fn-1', 'fn-2', 'fn-3']
    // the running one finished and is recorded; the failed ones are not, and nothing is left pending
    def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/c-state.json'))
    assert state.invocations.keySet() == ['c-2'] as Set
    assert state.pending == null
    assert new File(basedir, 'target/lambda-invocation/results/c-2.json').text == '{"job": 2}'

    // Maven's error block lists both failures, each once, with its log, then what was done before
    def lines = new File(basedir, 'build.log').readLines()
    def start = lines.findIndexOf { it.startsWith('[ERROR] Failed to execute goal ') }
    def block = lines.subList(start, lines.findIndexOf(start) { it.startsWith('[ERROR] -> [Help 1]') } + 1)
    assert block[0].endsWith(': 2 invocations failed:')
    def failed = block.findAll { it.startsWith('[ERROR] - Invocation ') }
    assert failed.toSet() == [
            "[ERROR] - Invocation 'c-1' (create) failed. The function fn-1:\$LATEST in us-east-1 failed (Unhandled error): QuotaError: tenant quota reached",
            "[ERROR] - Invocation 'c-3' (create) failed. The function fn-3:\$LATEST in us-east-1 failed (Handled error): ValidationError: bad job 3"] as Set
    assert block.contains('[ERROR]     | job 1 failed')
    assert block.contains('[ERROR]     | job 3 failed')
    assert block.contains("[ERROR]   The state of 'c-1' was not changed; the next run tries it again.")
    assert block.contains("[ERROR]   The state of 'c-3' was not changed; the next run tries it again.")
    def summary = block.find { it.startsWith('[ERROR] Before the failure: ') }
    assert summary.startsWith('[ERROR] Before the failure: 1 created, 0 updated, 0 replaced, 0 deleted, 0 forgotten,'
            + ' 0 unchanged (1 Lambda invocation). Changes after it were not attempted.')
    // each failure is told once: Maven does not append the first one again after the summary
    assert block.count { it.contains('failed. The function fn-') } == 2
    assert summary.endsWith('Changes after it were not attempted.')
} finally {
    context.endpoints?.each { it.stop() }
}
true
