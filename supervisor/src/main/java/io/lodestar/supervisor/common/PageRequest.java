package io.lodestar.supervisor.common;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * One page of a list, from either pagination style: {@code page}/{@code results} (page from 1, results
 * 1..100, default 10) or {@code skip}/{@code limit}. Out-of-range values are the caller's mistake (400).
 */
public record PageRequest(int offset, int size) {

    public static final int MAX_RESULTS = 100;
    public static final int DEFAULT_RESULTS = 10;

    public static PageRequest of(Integer page, Integer results, Integer skip, Integer limit) {
        if ((skip != null || limit != null) && (page != null || results != null)) {
            throw new DomainException.Invalid("Use either page and results, or skip and limit, not both.");
        }
        if (skip != null || limit != null) {
            int size = limit == null ? DEFAULT_RESULTS : limit;
            requireRange("limit", size, 1, MAX_RESULTS);
            int from = skip == null ? 0 : skip;
            requireRange("skip", from, 0, Integer.MAX_VALUE);
            return new PageRequest(from, size);
        }
        int size = results == null ? DEFAULT_RESULTS : results;
        int number = page == null ? 1 : page;
        requireRange("results", size, 1, MAX_RESULTS);
        requireRange("page", number, 1, Integer.MAX_VALUE / MAX_RESULTS);
        return new PageRequest((number - 1) * size, size);
    }

    /** The page number reported in the envelope: the page this offset falls in. */
    public int page() {
        return offset / size + 1;
    }

    /** The rows of this page from an ordered query. */
    public <E> List<E> rows(PanacheQuery<E> query) {
        return query.range(offset, offset + size - 1).list();
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            String upper = max == Integer.MAX_VALUE ? "" : " and " + max;
            throw new DomainException.Invalid(name + " must be " + (upper.isEmpty() ? "at least " + min : "between " + min + upper)
                    + "; got " + value + ".");
        }
    }
}
