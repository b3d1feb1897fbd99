package io.ferrum.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * What a resource's service can do, as the REST layer needs it. Resources without a bulk path of their own create
 * items one by one inside the request's single transaction, so bulk stays all-or-nothing either way.
 */
public record Operations<E, D>(LongFunction<E> get, Function<D, E> create, Function<List<D>, List<E>> createAll,
                               BiFunction<Long, D, E> update, LongConsumer delete) {

    public static <E, D> Operations<E, D> of(LongFunction<E> get, Function<D, E> create, BiFunction<Long, D, E> update,
                                             LongConsumer delete) {
        return new Operations<>(get, create, drafts -> {
            List<E> created = new ArrayList<>();
            var batch = new io.ferrum.model.common.Batch(drafts.size() == 1);
            for (int i = 0; i < drafts.size(); i++) {
                D draft = drafts.get(i);
                batch.at(i, () -> created.add(create.apply(draft)));
            }
            return created;
        }, update, delete);
    }

    public Operations<E, D> withBulk(Function<List<D>, List<E>> bulk) {
        return new Operations<>(get, create, bulk, update, delete);
    }
}
