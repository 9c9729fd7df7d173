def lambda = context.lambda
try {
    // run 4 sent nothing
    assert lambda.requests().size() == 3
    assert lambda.getFunctionCalls('fn-secret') == 2 && lambda.getFunctionCalls('fn-public') == 1

    def lines = new File(basedir, 'build.log').readLines()
    def failures = lines.findAll { it.startsWith('[ERROR] Failed to execute goal ') }
    assert failures.size() == 2
    // the invalid input is located, but the parser's words (which quote the input) are not shown
    assert failures[1] ==~ /.*: invocation 'secret': <inputFile> .*bad-input\.json is not valid JSON at line 1, column 34: \(details hidden: the invocation is sensitive\)/
    assert lines[lines.indexOf(failures[1]) + 1] == '[ERROR] Nothing was invoked and the state was not changed.'
    assert !lines.any { it.contains('s3cr3t') }: 'build.log shows the secret'
    assert !new File(basedir, 'target/lambda-invocation/status.json').text.contains('s3cr3t'): 'status.json shows the secret'
    true
} finally {
    lambda?.stop()
}
