import groovy.json.JsonSlurper

// Run 3, invoke -Dlambda-invocation.replace=x: x is replaced although nothing changed (CRUD: delete, then
// create); warm is invoked again and its new result replaces the old one
def json = new JsonSlurper()
def lambda = context.lambda
def input = [bucket: 'assets']
assert lambda.payloads('fn-x').collect { json.parseText(it) } == [
        input + [tf: [action: 'create', prev_input: null]],
        input + [tf: [action: 'delete', prev_input: input]],
        input + [tf: [action: 'create', prev_input: null]]]
assert lambda.payloads('warmer') == ['{ "ping" : true }'] * 2
assert new File(basedir, 'target/lambda-invocation/results/warm.json').text == '{"warmed": 2}'
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter2)
assert run.contains('[INFO] -/+ x     replace  (replace requested): delete fn-x:$LATEST in us-east-1, then create'
        + ' fn-x:$LATEST in us-east-1')
assert run.contains('[INFO] Applied: 0 created, 0 updated, 1 replaced, 0 deleted, 0 forgotten, 1 refreshed,'
        + ' 0 unchanged (3 Lambda invocations).')
context.logLinesAfter3 = new File(basedir, 'build.log').readLines().size()
true
