// run 2: signed with the encrypted server's key id: its password was decrypted
def requests = context.lambda.requests()
assert requests.size() == 2
assert requests[1].authorization().startsWith('AWS4-HMAC-SHA256 Credential=AKIAENCRYPTEDEXAMPLE/')
true
