// the loopback endpoint was called direct: the proxy saw nothing new, the function got the call
assert context.proxy.requests().size() == 2
assert context.lambda.payloads('fn-a').size() == 2
assert context.lambda.getFunctionCalls('fn-a') == 2
true
