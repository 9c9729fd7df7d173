// run 4: a host in the proxy's nonProxyHosts (*.internal.test); the file hosts maps it to 127.0.0.1
context.userProperties.put('lambda-invocation.lambdaEndpointUrl', 'http://lambda.internal.test:' + context.lambda.port())
context.userProperties.put('it.run', '4')
true
