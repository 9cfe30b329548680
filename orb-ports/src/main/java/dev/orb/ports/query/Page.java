package dev.orb.ports.query;

import java.util.List;
import java.util.Objects;

import dev.orb.domain.InvalidValueException;

/**
 * One page of a query's result.
 *
 * @param items   the rows of this page, in the query's documented order; at most {@code request.limit()}
 * @param request the page that was asked for
 * @param total   how many rows match the query in all pages, ≥ {@code request.offset() + items.size()} when the
 *                page has rows (a page past the end is empty)
 * @param <T>     the row type
 */
public record Page<T>(List<T> items, PageRequest request, long total) {
    public Page {
        Objects.requireNonNull(request, "request");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.size() > request.limit()) {
            throw new InvalidValueException("Page.items: " + items.size() + " rows exceed the limit " + request.limit());
        }
        if (total < 0 || (!items.isEmpty() && total < (long) request.offset() + items.size())) {
            throw new InvalidValueException("Page.total: " + total + " is less than offset " + request.offset()
                    + " + " + items.size() + " rows");
        }
    }

    /** True when rows exist after this page. */
    public boolean hasNext() {
        return (long) request.offset() + items.size() < total;
    }
}
