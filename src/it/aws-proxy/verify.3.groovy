// run 3: the proxy refused it (407), and nothing reached Lambda
def recorded = context.proxy.requests()
assert recorded.size() == 3
assert recorded[2].method() == 'GET'
assert recorded[2].status() == 407
assert context.lambda.payloads('fn-a').size() == 2
assert context.lambda.getFunctionCalls('fn-a') == 2

def failure = new File(basedir, 'build.log').readLines().find { it.startsWith('[ERROR] Failed to execute goal ') }
assert failure.contains("Invocation 'a' (replace) failed.")
assert failure.contains("Maven's proxy refused the call to fn-a:\$LATEST in us-east-1 (HTTP 407 Proxy Authentication" +
        ' Required): check the <username> and <password> of the active <proxy> in settings.xml.')
assert failure.contains('The function did not run.')
true
