// the secret changes: an update under CRUD, sent with the new secret and the old one as prev_input
new File(basedir, 'secret-input.json').text = '{"user": "deployer", "password": "FILE-SENTINEL-second-e5a"}\n'
true
