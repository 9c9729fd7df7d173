def lambda = context.lambda
// b invoked without asking GetFunction again
assert lambda.getFunctionCalls('fn-failed') == 1
assert lambda.payloads('fn-failed') == ['{"step": "b"}']
assert lambda.getFunctionCalls('fn-pending') == 2
true
