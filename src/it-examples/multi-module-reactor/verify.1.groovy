import groovy.json.JsonSlurper
import io.github.lambdainvocation.testing.S3ItHarness

// Run 1: one create per module with invocations, each recorded in its module's own state, owned by the module
def json = new JsonSlurper()
def lambda = context.lambda
assert lambda.payloads('queue_admin').collect { json.parseText(it) } ==
        [[queue: 'orders', visibilityTimeoutSeconds: 30, tf: [action: 'create', prev_input: null]]]
assert lambda.payloads('ledger_admin').collect { json.parseText(it) } ==
        [[ledger: 'billing', currency: 'EUR', tf: [action: 'create', prev_input: null]]]
// no state for the parent nor for shared-model, which configure nothing; no lock left
assert S3ItHarness.keys(context) == ['com.example.platform/billing-service/state.json',
                                     'com.example.platform/orders-service/state.json']
['orders-service': 'orders-queue', 'billing-service': 'billing-ledger'].each { module, id ->
    def state = json.parseText(S3ItHarness.text(context, "com.example.platform/$module/state.json"))
    assert state.owner == "com.example.platform:$module"
    assert state.invocations.keySet() == [id] as Set
}
def log = new File(basedir, 'build.log').text
assert !log.contains('belongs to')
context.requestsAfter1 = lambda.requests().size()
true
