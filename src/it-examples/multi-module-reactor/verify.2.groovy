import groovy.json.JsonSlurper

// Run 2: only billing-service's input changed: one update, with what was sent before; orders-service sends nothing
def json = new JsonSlurper()
def requests = context.lambda.requests().drop(context.requestsAfter1)
assert requests*.function() == ['ledger_admin']
assert json.parseText(requests[0].payload()) == [ledger: 'billing', currency: 'USD',
        tf: [action: 'update', prev_input: [ledger: 'billing', currency: 'EUR']]]
context.requestsAfter2 = context.lambda.requests().size()
true
