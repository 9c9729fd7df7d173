def lambda = context.lambda
try {
    // run 3: the proxy refused it (407), and nothing reached Lambda
    def recorded = context.proxy?.requests()
    assert recorded.size() == 3
    assert recorded[2].status() == 407
    assert recorded[2].method() == 'GET'
    assert lambda.payloads('fn-a').size() == 2
    assert lambda.getFunctionCalls('fn-a') == 2

    def log = new File(basedir, 'build.log').text
    def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal ') }
    assert failure.contains("Invocation 'a' (replace) failed.")
    assert failure.contains('(HTTP 407)')
    assert failure.contains('The function did not run.')

    // neither password is printed
    ['proxy-pass-x9', 'not-the-proxy-pass', 'V9Oth8gbHnMHcRasHlLaoWlW6Zm8C4dx'].each { secret ->
        assert !log.contains(secret): "build.log shows $secret"
    }
    true
} finally {
    context.proxy?.stop()
    lambda?.stop()
}
