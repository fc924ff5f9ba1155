package io.crystallize.server.web;

import io.crystallize.server.problem.InvalidRequestException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.util.List;
import java.util.function.Function;

/** A page of results: {@code {content, page, size, totalElements, totalPages}} (API.md). */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static final int MAX_SIZE = 100;

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }

    /** A checked page request: page ≥ 0, 1 ≤ size ≤ {@value #MAX_SIZE}, an offset that fits 32 bits. */
    public static PageRequest request(int page, int size, Sort sort) {
        if (page < 0) {
            throw InvalidRequestException.of("page", "must be at least 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidRequestException.of("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // The database offset is a 32-bit integer: past it there is no page to show, only an error to raise.
            throw InvalidRequestException.of("page", "is too large: page × size must stay below 2^31");
        }
        return PageRequest.of(page, size, sort);
    }
}
