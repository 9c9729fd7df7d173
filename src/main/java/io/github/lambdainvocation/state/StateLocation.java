package io.github.lambdainvocation.state;

import io.github.lambdainvocation.ConfigurationException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where a state is kept: a local file or an S3 object, as a user writes it. */
public sealed interface StateLocation {

    /** A local state file. */
    record LocalFile(Path file) implements StateLocation {}

    /** A state object in S3. */
    record S3Object(S3Location location) implements StateLocation {}

    /** A URI scheme: anything but s3:// is a mistake, not a file name. */
    Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:/.*");

    /**
     * {@code s3://bucket/key}, or a file path (relative to {@code basedir}).
     *
     * @param setting the setting token it came from, for messages ({@code {{stateS3Uri}}})
     */
    static StateLocation parse(String location, String setting, Path basedir) {
        String text = location.trim();
        if (text.startsWith("s3://")) {
            return new S3Object(S3Location.parse(text, setting));
        }
        if (SCHEME.matcher(text).matches()) {
            throw new ConfigurationException(setting + " '" + text + "' is neither an s3:// URI nor a file path:"
                    + " a state is kept in S3 (s3://bucket/path/state.json) or in a local file");
        }
        Path path = Path.of(text);
        return new LocalFile(path.isAbsolute() ? path : basedir.resolve(path));
    }
}
