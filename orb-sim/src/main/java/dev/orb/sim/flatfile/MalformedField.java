package dev.orb.sim.flatfile;

/**
 * A field that does not parse; carries only the problem, the caller adds file and line. Thrown on the error
 * path only, so it skips the stack trace.
 */
final class MalformedField extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedField(String problem) {
        super(problem, null, false, false);
    }
}
