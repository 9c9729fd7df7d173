import groovy.json.JsonSlurper

def lambda = context.lambda
try {
    // run 3: the region from AWS_REGION, through the SDK's chain
    def requests = lambda.requests()
    assert requests.size() == 2
    assert requests[1].authorization().contains('/eu-west-2/lambda/aws4_request')
    // the region changed from the plugin's to none (the SDK's chain): a replacement
    def plans = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] -/+ a ') }
    assert plans == ['[INFO] -/+ a  replace  (region): invoke fn-a:$LATEST']
    def state = new JsonSlurper().parse(new File(basedir, 'target/lambda-invocation/state.json'))
    assert state.invocations.keySet() == ['a'] as Set
    true
} finally {
    lambda?.stop()
}
