// a new build machine: nothing of the last run is left but what is in S3
new File(basedir, 'target').deleteDir()
context.requestsBefore2 = context.lambda.requests().size()
true
