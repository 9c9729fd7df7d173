// run 2: the local endpoint itself (lambda-invocation.endpointUrl, set by ItHarness), with the same proxy settings
context.userProperties.remove('lambda-invocation.lambdaEndpointUrl')
context.userProperties.put('it.run', '2')
true
