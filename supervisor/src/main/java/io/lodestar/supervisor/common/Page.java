package io.lodestar.supervisor.common;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The list envelope of every list endpoint. Lists that can grow to millions of rows count at most
 * {@link Counts#LIMIT} matches: past that, {@code total_results} is that bound (a lower bound),
 * {@code total_pages} follows from it, and {@code total_results_capped} is {@code true}.
 */
public record Page<T>(
        List<T> items,
        int page,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("total_pages") long totalPages,
        @JsonProperty("total_results_capped") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalResultsCapped) {

    public Page(List<T> items, int page, long totalResults, long totalPages) {
        this(items, page, totalResults, totalPages, null);
    }

    /** The same page with each item made into another. */
    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), page, totalResults, totalPages, totalResultsCapped);
    }

    public static <E, T> Page<T> of(List<E> rows, long total, PageRequest request, Function<E, T> view) {
        long pages = total == 0 ? 0 : (total + request.size() - 1) / request.size();
        return new Page<>(rows.stream().map(view).toList(), request.page(), total, pages);
    }

    /** This page of an ordered query, counted exactly. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        return of(request.rows(query), query.count(), request, view);
    }

    /** A page whose total was counted by {@link Counts#upToLimit}: exact below the limit, capped above it. */
    public static <E, T> Page<T> bounded(List<E> rows, Counts.Bounded total, PageRequest request, Function<E, T> view) {
        Page<T> page = of(rows, total.count(), request, view);
        return total.capped() ? new Page<>(page.items(), page.page(), page.totalResults(), page.totalPages(), true) : page;
    }
}
