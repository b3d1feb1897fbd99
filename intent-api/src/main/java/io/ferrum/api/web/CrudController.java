package io.ferrum.api.web;

import io.ferrum.model.common.FieldProblem;
import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.common.IntentException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Every resource is wired the same way: list with filters and pages, read with an ETag, create (one, or many in one
 * transaction at {@code /bulk}), replace with If-Match, delete with If-Match. A request is one transaction: a
 * refusal anywhere rolls back all of it.
 */
@Transactional
public abstract class CrudController<E extends IntentEntity, D, V> {

    private final Operations<E, D> operations;
    private final JpaSpecificationExecutor<E> repository;
    private final ListQuery query;
    private final Function<E, V> view;
    private final EntityManager entityManager;

    protected CrudController(Operations<E, D> operations, JpaSpecificationExecutor<E> repository, ListQuery query,
                             Function<E, V> view, EntityManager entityManager) {
        this.operations = operations;
        this.repository = repository;
        this.query = query;
        this.view = view;
        this.entityManager = entityManager;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public PageOf<V> list(@RequestParam Map<String, String> params) {
        return PageOf.of(repository.findAll(query.<E>specification(params), query.page(params)), view);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public ResponseEntity<V> get(@PathVariable long id) {
        E entity = operations.get().apply(id);
        return Versions.ok(entity, view.apply(entity));
    }

    @PostMapping
    public ResponseEntity<V> create(@RequestBody D draft) {
        E entity = operations.create().apply(draft);
        entityManager.flush();
        return Versions.created(entity, view.apply(entity));
    }

    @PostMapping("/bulk")
    @ResponseStatus(HttpStatus.CREATED)
    public List<V> createAll(@RequestBody List<D> drafts) {
        List<FieldProblem> nulls = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i) == null) {
                nulls.add(new FieldProblem("[" + i + "]", "expected an object, found null"));
            }
        }
        if (!nulls.isEmpty()) {
            throw new IntentException(IntentException.Reason.INVALID, nulls);
        }
        List<E> created = operations.createAll().apply(drafts);
        entityManager.flush();
        return created.stream().map(view).toList();
    }

    @PutMapping("/{id}")
    public ResponseEntity<V> update(@PathVariable long id, @RequestBody D draft,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.check(operations.get().apply(id), ifMatch);
        E entity = operations.update().apply(id, draft);
        entityManager.flush();
        return Versions.ok(entity, view.apply(entity));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.check(operations.get().apply(id), ifMatch);
        operations.delete().accept(id);
        entityManager.flush();
        return ResponseEntity.noContent().build();
    }
}
