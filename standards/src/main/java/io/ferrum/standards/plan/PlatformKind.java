package io.ferrum.standards.plan;

import io.ferrum.model.dcim.DeviceTypeService;
import io.ferrum.model.dcim.Platform;
import io.ferrum.model.dcim.PlatformRepository;
import io.ferrum.standards.desired.DesiredSite;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Software platforms the design's devices run: a shared catalogue, created when missing, never changed or deleted
 * by a site's plan (its desired firmware is the operators' to set).
 */
@Component
class PlatformKind extends KindPlanner<DesiredSite.PlatformSpec, Platform> {

    private final PlatformRepository platforms;
    private final DeviceTypeService service;

    PlatformKind(PlatformRepository platforms, DeviceTypeService service) {
        this.platforms = platforms;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.PLATFORM;
    }

    @Override
    List<DesiredSite.PlatformSpec> designed(DesiredSite desired) {
        return desired.platforms();
    }

    @Override
    String key(DesiredSite.PlatformSpec designed) {
        return designed.name();
    }

    @Override
    Map<String, Platform> stored(PlanScope scope, List<DesiredSite.PlatformSpec> designed,
                                 KindWork<DesiredSite.PlatformSpec> work) {
        Map<String, Platform> stored = new LinkedHashMap<>();
        designed.forEach(p -> platforms.findByName(p.name()).ifPresent(found -> stored.put(p.name(), found)));
        return stored;
    }

    @Override
    List<AttributeChange> created(DesiredSite.PlatformSpec designed) {
        return List.of(new AttributeChange("osFamily", null, designed.osFamily()));
    }

    @Override
    void compare(DesiredSite.PlatformSpec designed, Platform stored, String key,
                 KindWork<DesiredSite.PlatformSpec> work, PlanScope scope) {
        // shared with other sites: the standard only makes sure the platform exists
    }

    @Override
    void write(KindWork<DesiredSite.PlatformSpec> work) {
        // in name order, and waiting for (not failing on) another site's apply creating the same new platform
        work.creates.stream().sorted(Comparator.comparing(DesiredSite.PlatformSpec::name))
                .forEach(p -> service.createPlatformIfAbsent(p.name(), p.osFamily()));
    }
}
