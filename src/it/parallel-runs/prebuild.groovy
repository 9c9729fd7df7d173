// Nothing shared: each run starts its own endpoint (prebuild.N.groovy), kept in context.endpoints.
context.endpoints = []
true
