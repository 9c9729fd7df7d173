import groovy.json.JsonSlurper

// Run 1: the graph decides the order; every placeholder holds a value from an earlier result
def json = new JsonSlurper()
def requests = context.lambda.requests()
assert requests*.function() == ['tenant_admin', 'catalog_loader', 'search_indexer', 'ops_notifier']
def created = [action: 'create', prev_input: null]
assert requests.collect { json.parseText(it.payload()) } == [
        [name: 'acme', plan: 'basic', tf: created],
        [tenant: 't-5e1f', products: 25, tf: created],
        [tenant: 't-5e1f', documents: 25, tf: created],
        [channel: 'ops', text: 'tenant t-5e1f is searchable', tf: created]]
def out = new File(basedir, 'target/lambda-invocation')
assert json.parse(new File(out, 'outputs/create-tenant.json')) == [tenantId: 't-5e1f']
def state = json.parse(new File(out, 'state.json'))
assert state.invocations.'notify-ops'.dependsOn as Set == ['build-search-index', 'create-tenant'] as Set
context.requestsAfter1 = requests.size()
context.logLinesAfter1 = new File(basedir, 'build.log').readLines().size()
true
