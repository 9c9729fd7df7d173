import groovy.json.JsonSlurper

def lines = new File(basedir, 'build.log').readLines()
assert !lines.any { it.contains('s3cr3t') }: 'build.log shows the secret'
// printLogs shows the twin's log at info level, not the sensitive invocation's
def twinTail = lines.indexOf('[INFO]   twin: log tail:')
assert twinTail > 0
assert lines.subList(twinTail + 1, twinTail + 4) == [
        '  | START RequestId: local Version: $LATEST',
        '  | public-log-marker-7',
        '  | END RequestId: local']
assert !lines.any { it.contains('secret: log tail') }: 'the sensitive log tail is announced'
assert lines.any { it.startsWith('[INFO]   secret: create done in ') }

// both ran; the secret's result is published like any other (the function echoed the input)
assert context.lambda.events('fn-secret')*.reply() == ['function-error:Unhandled', 'echo']
def result = new File(basedir, 'target/lambda-invocation/results/secret.json')
assert new JsonSlurper().parse(result) ==
        [user: 'deployer', password: 's3cr3t-marker-42', tf: [action: 'create', prev_input: null]]
assert new File(basedir, 'target/lambda-invocation/results/twin.json').exists()
true
