import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // status invoked nothing and changed no state
    assert lambda.requests().size() == 2
    assert new File(basedir, 'target/lambda-invocation/state.json').bytes == context.stateAfterInvoke

    def lines = new File(basedir, 'build.log').readLines()
    // the logger levels that keep secrets out of -X use the names this Maven reads: Maven 4 warns about others
    assert !lines.any { it.contains('SLF4J(W)') || it.contains('deprecated property') }
    // status's output: the plan rows, the summary, where the plan went; nothing applied
    def statusFile = new File(basedir, 'target/lambda-invocation/status.json')
    def statusOutput = lines.dropWhile { !it.contains(':status (default-cli)') }
            .findAll { it.startsWith('[INFO]  ') || it ==~ /\[INFO\] (Plan|Applied|Plan written).*/ }
            *.replaceAll(/ {2,}/, ' ')
    assert statusOutput == [
            '[INFO] ~ config update (input): update fn-config:$LATEST in us-east-1',
            '[INFO] steady no-op',
            '[INFO] Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 1 Lambda invocation.',
            '[INFO] Plan written to ' + statusFile.canonicalPath]
    def status = new JsonSlurper().parse(statusFile)
    assert status.state == new File(basedir, 'target/lambda-invocation/state.json').canonicalPath
    assert status.invocations == [
            [id: 'config', action: 'update', input: [logLevel: 'DEBUG'], reasons: ['input'],
             calls: [[event: 'update', functionName: 'fn-config', qualifier: '$LATEST', region: 'us-east-1']]],
            [id: 'steady', action: 'no-op', input: [fixed: true], reasons: [], calls: []]]
    assert status.summary == [create: 0, update: 1, replace: 0, delete: 0, forget: 0, refresh: 0, interrupted: 0,
                          'no-op': 1, invocations: 1]
} finally {
    lambda?.stop()
}
