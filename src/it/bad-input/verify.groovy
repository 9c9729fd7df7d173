def lambda = context.lambda
try {
    // nothing reached the endpoint, although greeting (replace) and old-schema (delete) would need calls
    assert lambda.requests().isEmpty()

    // the state file is exactly as committed
    assert new File(basedir, 'recorded-state.json').bytes == context.originalState
    // nothing else was written either
    assert !new File(basedir, 'target/lambda-invocation/results').exists()
    assert !new File(basedir, 'target/lambda-invocation/status.json').exists()

    def errors = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[ERROR] ') }
    def broken = "[ERROR]   - invocation 'broken': <input> is not valid JSON at line 2, column 28: " +
            "Unexpected character (',' (code 44)): was expecting double-quote to start field name"
    def crudList = "[ERROR]   - invocation 'crud-list': <input> must be a JSON object with " +
            "<lifecycleScope>CRUD</lifecycleScope>, because the lifecycle key 'tf' is added to it; it is a JSON array"
    // invoke (run 1), then status (run 2): each reports both problems, and only those (greeting is valid)
    assert errors.findAll { it.startsWith('[ERROR]   - ') } == [broken, crudList, broken, crudList]
    def failures = errors.findAll { it.startsWith('[ERROR] Failed to execute goal ') }
    assert failures.size() == 3
    assert failures.take(2).every { it.endsWith(': 2 problems in the configuration:') }
    // run 3: the nested trigger is the one problem, named with its invocation, element and key
    assert failures[2].endsWith(" on project bad-input: invocation 'greeting': <triggers> 'release' has elements" +
            " nested inside it: a trigger is one text value, such as a version or a date")
    assert errors.count('[ERROR] Nothing was invoked and the state was not changed.') == 3
} finally {
    lambda?.stop()
}
