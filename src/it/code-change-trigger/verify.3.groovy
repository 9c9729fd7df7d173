import groovy.json.JsonSlurper

// Run 3, status after the deployment: the new code replaces migrate (not plain, which does not ask for it);
// nothing is invoked and the state still holds the old code
def replaceLine = '[INFO] -/+ migrate  replace  (code): delete migrator:$LATEST in us-east-1, then create migrator:$LATEST in us-east-1'
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter2)
assert run.contains(replaceLine)
assert run.contains('[INFO]     plain    no-op')
assert context.lambda.payloads('migrator').size() == 2
def json = new JsonSlurper()
def status = json.parse(new File(basedir, 'target/lambda-invocation/status.json'))
assert status.invocations.find { it.id == 'migrate' }.reasons == ['code']
assert json.parse(new File(basedir, 'target/lambda-invocation/state.json')).invocations.migrate.code ==
        [sha256: 'sha-1', version: '3']
context.replaceLine = replaceLine
context.logLinesAfter3 = new File(basedir, 'build.log').readLines().size()
true
