import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // Run 4, destroy: dependents first, each delete with what was last sent
    def json = new JsonSlurper()
    def deletes = lambda.requests().drop(context.requestsAfter3)
    assert deletes*.function() == ['ops_notifier', 'search_indexer', 'catalog_loader', 'tenant_admin']
    assert deletes.collect { json.parseText(it.payload()).tf.action } == ['delete'] * 4
    assert json.parseText(deletes[3].payload()).tf.prev_input == [name: 'acme', plan: 'basic']
    def out = new File(basedir, 'target/lambda-invocation')
    assert json.parse(new File(out, 'state.json')).invocations == [:]
    assert !new File(out, 'outputs/create-tenant.json').exists()
    true
} finally {
    lambda?.stop()
}
