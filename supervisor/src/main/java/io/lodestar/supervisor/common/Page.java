package io.lodestar.supervisor.common;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The list envelope of every list endpoint. */
public record Page<T>(
        List<T> items,
        int page,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("total_pages") long totalPages) {

    public static <E, T> Page<T> of(List<E> rows, long total, PageRequest request, Function<E, T> view) {
        long pages = total == 0 ? 0 : (total + request.size() - 1) / request.size();
        return new Page<>(rows.stream().map(view).toList(), request.page(), total, pages);
    }
}
