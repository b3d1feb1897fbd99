package io.ferrum.model.dcim;

import io.ferrum.model.common.Batch;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and removes racks. A rack that still holds devices cannot be removed. */
@Service
@Transactional
public class RackService {

    private final RackRepository racks;
    private final DeviceRepository devices;
    private final DcimLookup lookup;

    public RackService(RackRepository racks, DeviceRepository devices, DcimLookup lookup) {
        this.racks = racks;
        this.devices = devices;
        this.lookup = lookup;
    }

    public Rack create(RackDraft draft) {
        return createAll(List.of(draft)).get(0);
    }

    /** Creates all racks or none; problems are named {@code [i].field}. */
    public List<Rack> createAll(List<RackDraft> drafts) {
        List<Rack> created = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Batch batch = new Batch(drafts.size() == 1);
        for (int i = 0; i < drafts.size(); i++) {
            RackDraft draft = drafts.get(i);
            batch.at(i, () -> {
                validate(draft);
                Site site = lookup.site(draft.site(), "site");
                if (!seen.add(draft.site() + "/" + draft.name()) || racks.findBySiteAndName(site, draft.name()).isPresent()) {
                    throw IntentException.conflict("name", "rack " + draft.name() + " already exists in site " + site.getCode());
                }
                Rack rack = new Rack(site, draft.name(), draft.heightU(), draft.powerBudgetW());
                apply(rack, site, draft);
                created.add(rack);
            });
        }
        return racks.saveAll(created);
    }

    public Rack update(long id, RackDraft draft) {
        Rack rack = get(id);
        validate(draft);
        if (!rack.getSite().getCode().equals(draft.site())) {
            throw IntentException.invalid("site", "a rack cannot move to another site; create a new rack instead");
        }
        if (!rack.getName().equals(draft.name())) {
            racks.findBySiteAndName(rack.getSite(), draft.name()).ifPresent(other -> {
                throw IntentException.conflict("name", "rack " + draft.name() + " already exists in site "
                        + rack.getSite().getCode());
            });
            rack.setName(draft.name());
        }
        if (draft.heightU() < rack.getHeightU()) {
            for (Device device : devices.findInRacks(List.of(rack.getId()))) {
                device.placement().filter(p -> !p.fitsIn(draft.heightU())).ifPresent(p -> {
                    throw IntentException.conflict("heightU", "device " + device.getHostname() + " sits at "
                            + p.describe() + ", above " + draft.heightU() + "U");
                });
            }
        }
        rack.setHeightU(draft.heightU());
        rack.setPowerBudgetW(draft.powerBudgetW());
        apply(rack, rack.getSite(), draft);
        return rack;
    }

    public void delete(long id) {
        Rack rack = get(id);
        if (devices.existsByRack(rack)) {
            throw IntentException.conflict("id", "rack " + rack.getName() + " still holds devices; move or remove them first");
        }
        racks.delete(rack);
    }

    @Transactional(readOnly = true)
    public Rack get(long id) {
        return racks.findById(id).orElseThrow(() -> IntentException.notFound("id", "no rack with id " + id));
    }

    private void apply(Rack rack, Site site, RackDraft draft) {
        rack.setLocation(draft.location() == null ? null : lookup.location(site, draft.location(), "location"));
        rack.setProfile(draft.profile());
        rack.setTags(Tags.checked(draft.tags()));
    }

    private static void validate(RackDraft draft) {
        new Problems()
                .check(draft.site() != null && !draft.site().isBlank(), "site", "is required: expected a site code")
                .check(draft.name() != null && !draft.name().isBlank(), "name", "is required")
                .check(draft.heightU() != null && draft.heightU() >= 1 && draft.heightU() <= 100, "heightU",
                        "expected a height between 1 and 100 rack units")
                .check(draft.powerBudgetW() != null && draft.powerBudgetW() >= 0, "powerBudgetW",
                        "expected a power budget in watts, 0 or more")
                .throwIfAny();
    }
}
