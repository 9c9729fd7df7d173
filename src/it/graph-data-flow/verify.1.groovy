import groovy.json.JsonSlurper

// Run 1: everything is new. The POM declares announce, report, seed, register; the graph runs them backwards.
def json = new JsonSlurper()
def lambda = context.lambda
def requests = lambda.requests()
assert requests*.function() == ['tenants', 'seeder', 'reporter', 'announcer', 'greeter']
def created = [action: 'create', prev_input: null]
assert requests.collect { json.parseText(it.payload()) } == [
        [name: 'acme', tf: created],
        // register's result, read through a JSON pointer: whole-string and inside a longer string
        [tenant: 't-1', rows: 3, note: 'for tenant t-1', tf: created],
        // seed's result (its echo): the number stays a number
        [rows: 3, format: 'csv', tf: created],
        [channel: 'ops', tf: created],
        // the later execution read the output property lambda-invocation.register.tenantId
        [tenant: 't-1', tf: created]]
context.requestsAfter1 = requests.size()

def dir = new File(basedir, 'target/lambda-invocation')
def state = json.parse(new File(dir, 'state.json'))
assert state.invocations.keySet() == ['announce', 'report', 'seed', 'register'] as Set
// explicit (announce, report), implied by a placeholder (seed, report): each dependency once
assert state.invocations.announce.dependsOn == ['report']
assert state.invocations.report.dependsOn == ['seed']
assert state.invocations.seed.dependsOn == ['register']
assert state.invocations.register.dependsOn == null
// the recorded input is the resolved one: what was sent, without the lifecycle key
assert state.invocations.seed.input == [tenant: 't-1', rows: 3, note: 'for tenant t-1']
assert json.parse(new File(dir, 'outputs/register.json')) == [tenantId: 't-1']

def all = new File(basedir, 'build.log').readLines()
def run = all.findAll { it.startsWith('[INFO] ') }
context.logLinesAfter1 = all.size()
// the plan is in graph order; what reads results is decided when it runs
assert run.findAll { it.contains(' create ') && it.contains(':$LATEST in us-east-1') && !it.contains('->') }
        .take(4) == [
        '[INFO]   + register  create   (new): create tenants:$LATEST in us-east-1',
        '[INFO]   + seed      create   (new, input once register ran): create seeder:$LATEST in us-east-1',
        '[INFO]   + report    create   (new, input once seed ran): create reporter:$LATEST in us-east-1',
        '[INFO]   + announce  create   (new): create announcer:$LATEST in us-east-1']
assert run.contains('[INFO] Plan: 4 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged;'
        + ' up to 4 Lambda invocations (2 decided when the results they read are known).')
true
