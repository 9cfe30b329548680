package dev.orb.ports.query;

import dev.orb.domain.InvalidValueException;

/**
 * Which slice of a result to return: skip {@code offset} rows, return at most {@code limit}.
 *
 * @param offset rows to skip, ≥ 0
 * @param limit  rows to return, 1..{@value #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {
    /** The largest page a caller may ask for; the dashboard pages through anything bigger. */
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new InvalidValueException("PageRequest.offset: " + offset + " must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("PageRequest.limit: " + limit + " must be in 1.." + MAX_LIMIT);
        }
    }

    /** The first page of {@code limit} rows. */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    /** The page after this one, of the same size. */
    public PageRequest next() {
        return new PageRequest(Math.addExact(offset, limit), limit);
    }
}
