package dev.orb.sim.flatfile;

import java.nio.file.Path;

import dev.orb.domain.OrbException;

/**
 * A flat-file dataset cannot be used as it is: a missing directory or file, a layout that is not Polygon's,
 * or a malformed line. The message always names the file, and for a problem inside a file the 1-based line
 * number, as {@code path:line: problem}, so the user can open the file at that line. A run that meets one stops;
 * nothing read before it is presented as a result.
 */
public class FlatFileException extends OrbException {
    private static final long serialVersionUID = 1L;

    public FlatFileException(String message) {
        super(message);
    }

    public FlatFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem on line {@code line} (1-based) of {@code file}. */
    static FlatFileException at(Path file, long line, String problem) {
        return new FlatFileException(file + ":" + line + ": " + problem);
    }

    /** A problem on line {@code line} (1-based) of {@code file}, caused by {@code cause}. */
    static FlatFileException at(Path file, long line, String problem, Throwable cause) {
        return new FlatFileException(file + ":" + line + ": " + problem, cause);
    }
}
