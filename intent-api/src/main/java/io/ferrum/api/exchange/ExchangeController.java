package io.ferrum.api.exchange;

import io.ferrum.model.exchange.Exchange;
import io.ferrum.model.exchange.ExchangeRepository;
import io.ferrum.model.exchange.ExchangeService;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exchanges")
@Transactional
class ExchangeController {

    private final ExchangeService service;
    private final ExchangeRepository repository;

    ExchangeController(ExchangeService service, ExchangeRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    record ExchangeDraft(String code, String name) {
    }

    record ExchangeView(long id, String code, String name) {
        static ExchangeView of(Exchange e) {
            return new ExchangeView(e.getId(), e.getCode(), e.getName());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<ExchangeView> list() {
        return repository.findAll(Sort.by("code")).stream().map(ExchangeView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ExchangeView create(@RequestBody ExchangeDraft draft) {
        return ExchangeView.of(service.createExchange(draft.code(), draft.name()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.deleteExchange(id);
    }
}
