import io.github.lambdainvocation.testing.ItHarness
import io.github.lambdainvocation.testing.LocalLambdaServer.Reply

ItHarness.start(context, 'tenants', 'seeder', 'reporter', 'announcer', 'greeter')
// register answers with something other than its input: the others can only have the tenant from its result
context.lambda.enqueue('tenants', Reply.result('{"tenant": {"id": "t-1", "plan": "basic"}}'))
true
