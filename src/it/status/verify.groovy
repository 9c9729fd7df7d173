import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // status invoked nothing and changed no state
    assert lambda.requests().size() == 2
    assert new File(basedir, 'target/lambda-invocation/state.json').bytes == context.stateAfterInvoke

    def log = new File(basedir, 'build.log').text
    def plan = log.replaceAll(/ {2,}/, ' ')
    assert plan.contains('~ config update (input): update fn-config:$LATEST in us-east-1')
    assert plan =~ /(?m)^\[INFO\] steady no-op$/
    assert log.contains('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 1 Lambda invocation.')
    // status does not apply anything
    assert log.count('Applied: ') == 1

    def statusFile = new File(basedir, 'target/lambda-invocation/status.json')
    assert log.contains('Plan written to ' + statusFile.canonicalPath)
    def status = new JsonSlurper().parse(statusFile)
    assert status.state == new File(basedir, 'target/lambda-invocation/state.json').canonicalPath
    assert status.invocations == [
            [id: 'config', action: 'update', reasons: ['input'],
             calls: [[event: 'update', functionName: 'fn-config', qualifier: '$LATEST', region: 'us-east-1']]],
            [id: 'steady', action: 'no-op', reasons: [], calls: []]]
    assert status.summary == [create: 0, update: 1, replace: 0, delete: 0, forget: 0, 'no-op': 1, invocations: 1]
} finally {
    lambda?.stop()
}
