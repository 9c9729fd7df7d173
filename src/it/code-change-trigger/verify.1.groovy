import groovy.json.JsonSlurper

// Run 1: created; the state records the code the function had
def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
assert state.invocations.migrate.code == [sha256: 'sha-1', version: '3']
// without triggerOnCodeChange nothing about the code is recorded
assert state.invocations.plain.code == null
assert context.lambda.payloads('migrator').size() == 2
context.getFunctionsAfter1 = context.lambda.getFunctionCalls('migrator')
context.logLinesAfter1 = new File(basedir, 'build.log').readLines().size()
true
