package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rooms and cages inside a site; a location may sit inside another location of the same site. */
@Service
@Transactional
public class LocationService {

    private final LocationRepository locations;
    private final RackRepository racks;
    private final DcimLookup lookup;

    public LocationService(LocationRepository locations, RackRepository racks, DcimLookup lookup) {
        this.locations = locations;
        this.racks = racks;
        this.lookup = lookup;
    }

    /** {@code parent} names another location of the same site, or is null for a top-level room. */
    public record LocationDraft(String site, String name, String parent) {
    }

    public Location create(LocationDraft draft) {
        new Problems().check(draft.name() != null && !draft.name().isBlank(), "name", "is required").throwIfAny();
        Site site = lookup.site(draft.site(), "site");
        if (locations.findBySiteAndName(site, draft.name()).isPresent()) {
            throw IntentException.conflict("name", "location " + draft.name() + " already exists in site " + site.getCode());
        }
        Location parent = draft.parent() == null ? null : lookup.location(site, draft.parent(), "parent");
        return locations.save(new Location(site, draft.name(), parent));
    }

    public void delete(long id) {
        Location location = locations.findById(id)
                .orElseThrow(() -> IntentException.notFound("id", "no location with id " + id));
        if (racks.existsByLocation(location) || locations.existsByParent(location)) {
            throw IntentException.conflict("id", "location " + location.getName() + " still holds racks or locations");
        }
        locations.delete(location);
    }
}
