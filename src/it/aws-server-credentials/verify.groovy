def lambda = context.lambda
try {
    // runs 3 and 4 sent nothing, not even the readiness check
    assert lambda.requests().size() == 2
    assert lambda.getFunctionCalls('fn-a') == 2
    assert lambda.requests()*.authorization().collect { it.find(/Credential=([^\/]+)\//) { all, id -> id } } ==
            ['AKIAPLAINEXAMPLE', 'AKIAENCRYPTEDEXAMPLE']

    def log = new File(basedir, 'build.log').text
    def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal ') }
    // Maven 4 decrypts settings.xml before any build: run 4 never reaches the plugin, Maven names the server
    def maven4 = mavenVersion.startsWith('4.')
    assert failures.size() == (maven4 ? 1 : 2)
    // run 3: the missing server is named, with what to add
    assert failures[0].contains(": <serverId> 'aws-missing' names no <server> in Maven's settings.xml. Add one whose" +
            ' <username> is the AWS access key id and <password> the secret access key.')
    if (maven4) {
        assert log.contains('Could not decrypt password (fix the corrupted password or remove it, if unused) for' +
                ' server aws-bad-cipher')
    } else {
        // run 4: the server whose password cannot be decrypted is named
        assert failures[1].contains(": The settings.xml <server> 'aws-bad-cipher' could not be decrypted: ")
        assert failures[1].contains('(see settings-security.xml and mvn --encrypt-password).')
    }
    // and the plugin says that nothing happened each time it ran
    assert log.readLines().count { it == '[ERROR] Nothing was invoked and the state was not changed.' } ==
            failures.size()

    // no secret, in clear or encrypted, and not the master password
    ['plain-secret', 'encrypted-secret-7Hq2', '9sjulxOWe7MHz6JrsY7uJf2', 'bm90LWEtY2lwaGVy', 'it-master-passphrase',
     'eyBbNYD6JZEHMLAV99wYNiSlbMC8sOK'].each { secret ->
        assert !log.contains(secret): "build.log shows $secret"
    }
    true
} finally {
    lambda?.stop()
}
