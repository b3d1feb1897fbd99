package io.ferrum.api.dcim;

import io.ferrum.model.dcim.Platform;
import io.ferrum.model.dcim.PlatformRepository;
import io.ferrum.model.dcim.DeviceTypeService;
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

/** Software platforms: few, rarely changed, so a plain list rather than pages. */
@RestController
@RequestMapping("/api/v1/platforms")
@Transactional
class PlatformController {

    private final DeviceTypeService service;
    private final PlatformRepository repository;

    PlatformController(DeviceTypeService service, PlatformRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    record PlatformDraft(String name, String osFamily) {
    }

    record PlatformView(long id, String name, String osFamily) {
        static PlatformView of(Platform p) {
            return new PlatformView(p.getId(), p.getName(), p.getOsFamily());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<PlatformView> list() {
        return repository.findAll(Sort.by("name")).stream().map(PlatformView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlatformView create(@RequestBody PlatformDraft draft) {
        return PlatformView.of(service.createPlatform(draft.name(), draft.osFamily()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.deletePlatform(id);
    }
}
