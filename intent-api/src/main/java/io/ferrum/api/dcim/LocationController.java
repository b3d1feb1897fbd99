package io.ferrum.api.dcim;

import io.ferrum.model.dcim.Location;
import io.ferrum.model.dcim.LocationRepository;
import io.ferrum.model.dcim.LocationService;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rooms and cages: racks name one as their {@code location}. */
@RestController
@RequestMapping("/api/v1/locations")
@Transactional
class LocationController {

    private final LocationService service;
    private final LocationRepository repository;

    LocationController(LocationService service, LocationRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    record LocationView(long id, String site, String name, String parent) {
        static LocationView of(Location l) {
            return new LocationView(l.getId(), l.getSite().getCode(), l.getName(),
                    l.getParent() == null ? null : l.getParent().getName());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<LocationView> list(@RequestParam(required = false) String site) {
        return repository.findAll(Sort.by("name")).stream()
                .filter(l -> site == null || l.getSite().getCode().equals(site)).map(LocationView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LocationView create(@RequestBody LocationService.LocationDraft draft) {
        return LocationView.of(service.create(draft));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.delete(id);
    }
}
