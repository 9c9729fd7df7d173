import groovy.json.JsonSlurper

// Run 3: the seed is updated, its new answer updates the index; the tenant and the notice stay as they were
def json = new JsonSlurper()
def requests = context.lambda.requests().drop(context.requestsAfter1)
assert requests*.function() == ['catalog_loader', 'search_indexer']
assert requests.collect { json.parseText(it.payload()) } == [
        [tenant: 't-5e1f', products: 40, tf: [action: 'update', prev_input: [tenant: 't-5e1f', products: 25]]],
        [tenant: 't-5e1f', documents: 40, tf: [action: 'update', prev_input: [tenant: 't-5e1f', documents: 25]]]]
// notify-ops waited for the index, then found its own input unchanged
def run = new File(basedir, 'build.log').readLines().drop(context.logLinesAfter2)
assert run.contains('[INFO]   notify-ops: unchanged after all: the results it reads did not change')
context.requestsAfter3 = context.lambda.requests().size()
true
