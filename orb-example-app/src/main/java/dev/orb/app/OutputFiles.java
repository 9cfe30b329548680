package dev.orb.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Output files that appear all together or not at all: each is written to a temporary file beside its target,
 * and only {@link #commit()} moves them into place (atomically where the file system can). {@link #close()}
 * without a commit deletes the temporary files, so a failed run presents nothing half-written as a result.
 *
 * <p>Not thread-safe.
 */
final class OutputFiles implements AutoCloseable {
    /** Writes the content of one file. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private final List<Path[]> staged = new ArrayList<>();
    private boolean committed;

    /** Writes {@code content} to a temporary file beside {@code target} (creating its directory). */
    void stage(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its owner-only permissions would carry over to the result
        Path temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + staged.size() + ".partial");
        staged.add(new Path[] {temp, absolute});
        try (Writer w = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(temp,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(w);
        }
    }

    /** Moves every staged file into place, replacing what was there. */
    void commit() throws IOException {
        for (Path[] p : staged) {
            try {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Deletes the temporary files that were not committed. Idempotent. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Path[] p : staged) {
            try {
                Files.deleteIfExists(p[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(p[0] + ": cannot delete temporary file: " + e.getMessage(), e);
            }
        }
    }
}
