import groovy.json.JsonSlurper

// Run 2: register is replaced (epoch 2) and answers tenant t-2. seed reads it: a CRUD update with prev_input.
// report reads seed's rows, which stayed 3: planned as an update, found unchanged when it ran.
def json = new JsonSlurper()
def lambda = context.lambda
def requests = lambda.requests().drop(context.requestsAfter1)
assert requests*.function() == ['tenants', 'tenants', 'seeder', 'greeter']
def oldSeed = [tenant: 't-1', rows: 3, note: 'for tenant t-1']
assert requests.collect { json.parseText(it.payload()) } == [
        [name: 'acme', tf: [action: 'delete', prev_input: [name: 'acme']]],
        [name: 'acme', tf: [action: 'create', prev_input: null]],
        [tenant: 't-2', rows: 3, note: 'for tenant t-2', tf: [action: 'update', prev_input: oldSeed]],
        // the output property is current in the same build, so the later execution updates too
        [tenant: 't-2', tf: [action: 'update', prev_input: [tenant: 't-1']]]]
context.requestsAfter2 = lambda.requests().size()
context.getFunctionsAfter2 = ['tenants', 'seeder', 'reporter', 'announcer', 'greeter']
        .collect { lambda.getFunctionCalls(it) }.sum()

def dir = new File(basedir, 'target/lambda-invocation')
def state = json.parse(new File(dir, 'state.json'))
assert state.invocations.seed.input == [tenant: 't-2', rows: 3, note: 'for tenant t-2']
assert state.invocations.report.input == [rows: 3, format: 'csv']
assert json.parse(new File(dir, 'outputs/register.json')) == [tenantId: 't-2']
assert json.parse(new File(dir, 'results/seed.json')).tenant == 't-2'

def all = new File(basedir, 'build.log').readLines()
def run = all.drop(context.logLinesAfter1)
context.logLinesAfter2 = all.size()
def graphPlan = run.subList(run.findIndexOf { it.startsWith('[INFO] Lambda invocation plan ') } + 1,
        run.findIndexOf { it.startsWith('[INFO] Plan: ') } + 1)
assert graphPlan == [
        '[INFO] -/+ register  replace  (triggers): delete tenants:$LATEST in us-east-1, then create tenants:$LATEST in us-east-1',
        '[INFO]   ~ seed      update   (input once register ran) decided when it runs: update seeder:$LATEST in us-east-1',
        '[INFO]   ~ report    update   (input once seed ran) decided when it runs: update reporter:$LATEST in us-east-1',
        '[INFO]     announce  no-op',
        '[INFO] Plan: 0 to create, 2 to update, 1 to replace, 0 to delete, 0 to forget, 1 unchanged; up to 4 Lambda'
                + ' invocations (2 decided when the results they read are known).']
assert run.contains('[INFO]   report: unchanged after all: the results it reads did not change')
assert run.contains('[INFO] Applied: 0 created, 1 updated, 1 replaced, 0 deleted, 0 forgotten, 2 unchanged'
        + ' (3 Lambda invocations).')
true
