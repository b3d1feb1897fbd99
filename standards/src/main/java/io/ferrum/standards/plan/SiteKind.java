package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.dcim.SiteService;
import io.ferrum.standards.desired.DesiredSite;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The site itself: created, or its designed attributes updated; its status is the operators'. */
@Component
class SiteKind extends KindPlanner<SiteDraft, Site> {

    private final SiteService service;

    SiteKind(SiteService service) {
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.SITE;
    }

    @Override
    List<SiteDraft> designed(DesiredSite desired) {
        return List.of(desired.site());
    }

    @Override
    String key(SiteDraft designed) {
        return designed.code();
    }

    @Override
    Map<String, Site> stored(PlanScope scope, List<SiteDraft> designed, KindWork<SiteDraft> work) {
        return scope.site() == null ? Map.of() : Map.of(scope.code(), scope.site());
    }

    @Override
    void compare(SiteDraft designed, Site stored, String key, KindWork<SiteDraft> work, PlanScope scope) {
        updateWhenChanged(stored.getId(), asDesigned(stored), designed.normalized(), LIFECYCLE, key, work, null);
    }

    @Override
    void write(KindWork<SiteDraft> work) {
        work.creates.forEach(service::create);
        work.updates.forEach(u -> service.applyDesign(u.id(), u.design()));
    }

    private static SiteDraft asDesigned(Site s) {
        return new SiteDraft(s.getCode(), s.getName(), s.getAddress(), s.getTimezone(), s.getStatus(), s.getTags());
    }
}
