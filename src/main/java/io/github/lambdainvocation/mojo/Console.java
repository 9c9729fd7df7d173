package io.github.lambdainvocation.mojo;

/** Where rendered lines go: Maven's log in a build ({@link MavenConsole}), a list in tests. */
public interface Console {

    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A console that drops everything, for tests and quiet callers. */
    Console SILENT = new Console() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
