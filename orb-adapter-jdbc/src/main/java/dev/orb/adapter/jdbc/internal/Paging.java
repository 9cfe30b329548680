package dev.orb.adapter.jdbc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import dev.orb.ports.query.Page;
import dev.orb.ports.query.PageRequest;

/**
 * A filtered, ordered, paginated query built from optional criteria: each criterion adds a clause and its named
 * parameter, so user input only ever travels as a bound value.
 */
final class Paging {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code clause}, which refers to {@code :name}, bound to {@code value}. */
    Paging and(String clause, String name, Object value) {
        clauses.add(clause);
        params.put(name, value);
        return this;
    }

    /** Binds one more parameter of the last clause. */
    Paging bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Adds a clause without parameters. */
    Paging and(String clause) {
        clauses.add(clause);
        return this;
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Counts the matching rows, then reads one page of them; call inside a snapshot transaction. */
    <T> Page<T> page(Handle h, String table, String columns, String orderBy, PageRequest page, RowMapper<T> mapper) {
        long total = h.createQuery("SELECT COUNT(*) FROM " + table + where()).bindMap(params).mapTo(Long.class).one();
        if (page.offset() >= total) {
            return new Page<>(List.of(), page, total);
        }
        List<T> rows = h.createQuery("SELECT " + columns + " FROM " + table + where() + " ORDER BY " + orderBy
                        + " LIMIT :page_limit OFFSET :page_offset")
                .bindMap(params)
                .bind("page_limit", page.limit())
                .bind("page_offset", page.offset())
                .map(mapper)
                .list();
        return new Page<>(rows, page, total);
    }
}
