// run 3: through the proxy again (invoker.settingsFile.3 has the wrong password)
context.userProperties.put('lambda-invocation.lambdaEndpointUrl', 'http://lambda.example.test:' + context.lambda.port())
context.userProperties.put('it.run', '3')
true
