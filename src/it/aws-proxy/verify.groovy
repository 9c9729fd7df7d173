def lambda = context.lambda
try {
    // run 4: nonProxyHosts matched: the proxy saw nothing new, the function got the call
    assert context.proxy.requests().size() == 3
    assert lambda.payloads('fn-a').size() == 3
    assert lambda.getFunctionCalls('fn-a') == 3

    def log = new File(basedir, 'build.log').text
    // neither password is printed
    ['proxy-pass-x9', 'not-the-proxy-pass', 'V9Oth8gbHnMHcRasHlLaoWlW6Zm8C4dx'].each { secret ->
        assert !log.contains(secret): "build.log shows $secret"
    }
    true
} finally {
    context.proxy?.stop()
    lambda?.stop()
}
