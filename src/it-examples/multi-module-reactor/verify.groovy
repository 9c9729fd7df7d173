import groovy.json.JsonSlurper
import io.github.lambdainvocation.testing.S3ItHarness

def lambda = context.lambda
try {
    // Run 3, -pl billing-service lambda-invocation:destroy: the ledger is deleted, the queue stays recorded
    def json = new JsonSlurper()
    def requests = lambda.requests().drop(context.requestsAfter2)
    def ledger = [ledger: 'billing', currency: 'USD']
    assert requests*.function() == ['ledger_admin']
    assert json.parseText(requests[0].payload()) == ledger + [tf: [action: 'delete', prev_input: ledger]]
    def billing = json.parseText(S3ItHarness.text(context, 'com.example.platform/billing-service/state.json'))
    assert billing.invocations == [:]
    def orders = json.parseText(S3ItHarness.text(context, 'com.example.platform/orders-service/state.json'))
    assert orders.invocations.keySet() == ['orders-queue'] as Set
    true
} finally {
    lambda?.stop()
    S3ItHarness.stop(context)
}
