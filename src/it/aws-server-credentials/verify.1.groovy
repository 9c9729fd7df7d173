// run 1: signed with the plain server's key id (not the environment's AWS_ACCESS_KEY_ID=test)
def requests = context.lambda.requests()
assert requests.size() == 1
assert requests[0].authorization().startsWith('AWS4-HMAC-SHA256 Credential=AKIAPLAINEXAMPLE/')
true
