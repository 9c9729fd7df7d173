import io.github.lambdainvocation.testing.ItHarness

ItHarness.start(context, 'fn-a')
// Maven finds the master password through the settings.security system property (-D sets it)
context.userProperties.put('settings.security', new File(basedir, 'settings-security.xml').absolutePath)
true
