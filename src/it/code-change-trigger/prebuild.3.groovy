// a deployment: GetFunction now reports new code
context.lambda.code('migrator', 'sha-2', '4')
true
