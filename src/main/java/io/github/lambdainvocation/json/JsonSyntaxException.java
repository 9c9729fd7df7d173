package io.github.lambdainvocation.json;

/** JSON text that does not parse, with the 1-based line and column where the parser stopped. */
public final class JsonSyntaxException extends Exception {

    private final String problem;
    private final int line;
    private final int column;

    public JsonSyntaxException(String problem, int line, int column) {
        super(problem + " (line " + line + ", column " + column + ")");
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    public String problem() {
        return problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
