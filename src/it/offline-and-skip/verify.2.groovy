// Skipped: nothing sent, nothing written, no plan even.
assert context.lambda.requests().isEmpty()
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()

def log = new File(basedir, 'build.log').text
assert log.contains('Skipped (lambda-invocation.skip is set).')
assert log.count('Lambda invocation plan') == 1
true
