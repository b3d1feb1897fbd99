package io.ferrum.standards.plan.crosssite;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.crosssite.CrossSiteConflict.Concern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A serial names one box: a device of another site with the serial means a typo in one of the two definitions. */
@Component
@Order(3)
class SerialTaken implements CrossSiteCheck {

    private final DeviceRepository devices;

    SerialTaken(DeviceRepository devices) {
        this.devices = devices;
    }

    @Override
    public List<CrossSiteConflict> find(DesiredSite desired) {
        List<String> serials = desired.devices().stream().map(DeviceDraft::serial).filter(Objects::nonNull)
                .filter(s -> !s.isBlank()).distinct().toList();
        List<CrossSiteConflict> conflicts = new ArrayList<>();
        if (serials.isEmpty()) {
            return conflicts;
        }
        for (DeviceRepository.SerialHolder holder : devices.findSerialsInOtherSites(serials, desired.site().code())) {
            conflicts.add(new CrossSiteConflict(Concern.SERIAL, holder.getSerial(), holder.getSite(), "serial "
                    + holder.getSerial() + " is already the serial of " + holder.getHostname() + " of site "
                    + holder.getSite() + ": a serial names one box"));
        }
        return conflicts;
    }
}
