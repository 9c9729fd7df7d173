new File(basedir, 'target').deleteDir()
context.logLinesBefore3 = new File(basedir, 'build.log').readLines().size()
true
