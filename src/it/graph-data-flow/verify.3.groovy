import groovy.json.JsonSlurper

// Run 3: nothing changed, so nothing is sent (not even GetFunction), and the output property is still set
// from the state: the later execution sees the same tenant and has nothing to do either.
def lambda = context.lambda
assert lambda.requests().size() == context.requestsAfter2
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter2)
assert run.findAll { it.startsWith('[INFO] Plan: ') } == [
        '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 4 unchanged; 0 Lambda invocations.',
        '[INFO] Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 1 unchanged; 0 Lambda invocations.']
def dir = new File(basedir, 'target/lambda-invocation')
assert new JsonSlurper().parse(new File(dir, 'outputs/register.json')) == [tenantId: 't-2']
assert ['tenants', 'seeder', 'reporter', 'announcer', 'greeter'].collect { lambda.getFunctionCalls(it) }.sum() ==
        context.getFunctionsAfter2
true
