package io.github.lambdainvocation;

/** Where the core writes what users should see; the Maven adapter forwards it to Maven's log. */
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
