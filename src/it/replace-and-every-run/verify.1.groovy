import groovy.json.JsonSlurper

// Run 1: x is created; warm, EVERY_RUN, is sent as written (no lifecycle key) and its result published
def lambda = context.lambda
assert lambda.payloads('fn-x').collect { new JsonSlurper().parseText(it) } ==
        [[bucket: 'assets', tf: [action: 'create', prev_input: null]]]
assert lambda.payloads('warmer') == ['{ "ping" : true }']
def results = new File(basedir, 'target/lambda-invocation/results')
assert new File(results, 'warm.json').text == '{"warmed": 1}'
def log = new File(basedir, 'build.log').readLines()
assert log.contains('[INFO]  <= warm  refresh  (every run): invoke warmer:$LATEST in us-east-1')
context.requestsAfter1 = lambda.requests().size()
context.logLinesAfter1 = log.size()
true
