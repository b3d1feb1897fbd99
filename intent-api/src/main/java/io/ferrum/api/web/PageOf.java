package io.ferrum.api.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a listing: {@code page} counts from 0; {@code total} is the count over all pages. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageOf<T> of(Page<E> page, Function<E, T> view) {
        return new PageOf<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
