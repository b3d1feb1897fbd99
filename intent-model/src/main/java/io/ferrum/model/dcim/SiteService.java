package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.Tags;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and removes sites, keeping their rules in one place. */
@Service
@Transactional
public class SiteService {

    static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");

    private final SiteRepository sites;
    private final RackRepository racks;
    private final DeviceRepository devices;
    private final List<SiteReferences> references;

    public SiteService(SiteRepository sites, RackRepository racks, DeviceRepository devices,
                       List<SiteReferences> references) {
        this.references = references;
        this.sites = sites;
        this.racks = racks;
        this.devices = devices;
    }

    public Site create(SiteDraft draft) {
        validate(draft);
        sites.findByCode(draft.code()).ifPresent(existing -> {
            throw IntentException.conflict("code", "site " + draft.code() + " already exists");
        });
        Site site = new Site(draft.code(), draft.name());
        apply(site, draft);
        return sites.save(site);
    }

    public Site update(long id, SiteDraft draft) {
        Site site = get(id);
        validate(draft);
        if (!site.getCode().equals(draft.code())) {
            sites.findByCode(draft.code()).ifPresent(existing -> {
                throw IntentException.conflict("code", "site " + draft.code() + " already exists");
            });
            site.setCode(draft.code());
        }
        site.setName(draft.name());
        apply(site, draft);
        return site;
    }

    /** Applies a standard's design: every designed attribute, leaving the status where operations moved it. */
    public Site applyDesign(long id, SiteDraft design) {
        return update(id, design.withStatus(get(id).getStatus()));
    }

    public void delete(long id) {
        Site site = get(id);
        if (racks.existsBySite(site) || devices.existsBySite(site)) {
            throw IntentException.conflict("id", "site " + site.getCode() + " still holds racks or devices; remove them first");
        }
        List<String> referring = references.stream().flatMap(r -> r.referencesTo(site).stream()).toList();
        if (!referring.isEmpty()) {
            throw IntentException.conflict("id", "site " + site.getCode() + " is still referred to by "
                    + String.join(", ", referring.subList(0, Math.min(10, referring.size())))
                    + (referring.size() > 10 ? " and " + (referring.size() - 10) + " more" : "")
                    + "; remove or move them first");
        }
        sites.delete(site);
    }

    @Transactional(readOnly = true)
    public Site get(long id) {
        return sites.findById(id).orElseThrow(() -> IntentException.notFound("id", "no site with id " + id));
    }

    private static void apply(Site site, SiteDraft given) {
        SiteDraft draft = given.normalized();
        site.setAddress(draft.address());
        site.setTimezone(draft.timezone());
        site.setStatus(draft.status());
        site.setTags(Tags.checked(draft.tags()));
    }

    private static void validate(SiteDraft draft) {
        Problems problems = new Problems();
        problems.check(draft.code() != null && CODE.matcher(draft.code()).matches(), "code",
                "expected 1-32 lowercase letters, digits or '-', starting with a letter or digit (e.g. ams1)");
        problems.check(draft.name() != null && !draft.name().isBlank(), "name", "is required");
        if (draft.timezone() != null) {
            try {
                ZoneId.of(draft.timezone());
            } catch (DateTimeException e) {
                problems.add("timezone", "'" + draft.timezone() + "' is not a time zone such as Europe/Amsterdam");
            }
        }
        problems.throwIfAny();
    }
}
