import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

// register is replaced: its delete echoes, then its create answers with a new tenant
context.lambda.enqueue('tenants', Reply.echo(), Reply.result('{"tenant": {"id": "t-2", "plan": "basic"}}'))
true
