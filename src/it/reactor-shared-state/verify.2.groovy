assert context.lambda.requests().size() == 1: 'the re-run sent something'
true
