// the plugin's region: signed for us-east-1
def requests = context.lambda.requests()
assert requests.size() == 1
assert requests[0].authorization().contains('/us-east-1/lambda/aws4_request')
true
