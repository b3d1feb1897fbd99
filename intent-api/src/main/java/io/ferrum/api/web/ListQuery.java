package io.ferrum.api.web;

import io.ferrum.model.common.FieldProblem;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.WireValue;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Turns a listing's query string into a filter and a page, the same way for every resource: each resource declares
 * which filters it has and the attribute path each one reads ({@code site -> site.code}); {@code tag} filters on
 * the tags array; {@code page} and {@code size} page. Unknown parameters are refused, not silently ignored.
 */
public final class ListQuery {

    private static final Set<String> PAGING = Set.of("page", "size");
    private static final int MAX_SIZE = 1000;

    private final Map<String, String> filters;

    private ListQuery(Map<String, String> filters) {
        this.filters = filters;
    }

    /** {@code names} alternates filter name and attribute path: {@code "site", "site.code", "role", "role"}. */
    public static ListQuery filters(String... names) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i += 2) {
            filters.put(names[i], names[i + 1]);
        }
        return new ListQuery(filters);
    }

    public <E> Specification<E> specification(Map<String, String> params) {
        List<FieldProblem> problems = new ArrayList<>();
        params.forEach((name, value) -> {
            if (value != null && value.indexOf('\u0000') >= 0) {
                problems.add(new FieldProblem(name, "may not contain the NUL character (\\u0000)"));
            }
        });
        for (String name : params.keySet()) {
            if (!PAGING.contains(name) && !filters.containsKey(name)) {
                problems.add(new FieldProblem(name, "is not a filter here; expected one of " + filters.keySet()
                        + " or page, size"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IntentException(IntentException.Reason.INVALID, problems);
        }
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            for (var entry : params.entrySet()) {
                String attribute = filters.get(entry.getKey());
                if (attribute == null) {
                    continue;
                }
                Path<Object> path = path(root, attribute);
                if (entry.getKey().equals("tag")) {
                    // array_position takes any compatible element type, so the text[] column and a varchar parameter
                    // meet (array_contains renders text[] @> varchar[], which PostgreSQL refuses); Hibernate's
                    // array_position answers 0, not null, when the element is absent
                    predicates.add(cb.greaterThan(cb.function("array_position", Integer.class, path,
                            cb.literal(entry.getValue())), 0));
                } else {
                    predicates.add(cb.equal(path, convert(entry.getKey(), entry.getValue(), path.getJavaType())));
                }
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    public Pageable page(Map<String, String> params) {
        int page = number(params, "page", 0);
        int size = number(params, "size", 50);
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw IntentException.invalid(size < 1 || size > MAX_SIZE ? "size" : "page",
                    "expected page >= 0 and size from 1 to " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw IntentException.invalid("page", "page " + page + " of " + size + " starts past the last row any "
                    + "listing can reach (" + Integer.MAX_VALUE + "); filter the listing instead");
        }
        return PageRequest.of(page, size, Sort.by("id"));
    }

    private static int number(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw IntentException.invalid(name, "'" + value + "' is not a whole number");
        }
    }

    @SuppressWarnings("unchecked")
    private static Path<Object> path(From<?, ?> root, String attribute) {
        String[] parts = attribute.split("\\.");
        From<?, ?> from = root;
        for (int i = 0; i < parts.length - 1; i++) {
            from = from.join(parts[i], JoinType.LEFT);
        }
        return (Path<Object>) from.get(parts[parts.length - 1]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String name, String value, Class<?> type) {
        try {
            if (type.isEnum() && WireValue.class.isAssignableFrom(type)) {
                return WireValue.parse((Class) type, value);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(value);
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(value);
            }
            if (type == Boolean.class || type == boolean.class) {
                return Boolean.valueOf(value);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw IntentException.invalid(name, e.getMessage());
        }
    }
}
