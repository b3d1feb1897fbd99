package io.ferrum.model.dcim;

import io.ferrum.model.common.Batch;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.StatusTransitions;
import io.ferrum.model.common.WireValue;
import io.ferrum.model.common.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and removes devices. Rack units are checked under a lock on the rack, so two concurrent writers
 * can never mount two devices in the same units; serials and hostnames are unique.
 */
@Service
@Transactional
public class DeviceService {

    static final Pattern HOSTNAME = Pattern.compile("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$");

    private final DeviceRepository devices;
    private final RackRepository racks;
    private final CableRepository cables;
    private final DcimLookup lookup;
    private final List<DeviceDeletion> deletionHooks;

    public DeviceService(DeviceRepository devices, RackRepository racks, CableRepository cables, DcimLookup lookup,
                         List<DeviceDeletion> deletionHooks) {
        this.devices = devices;
        this.racks = racks;
        this.cables = cables;
        this.lookup = lookup;
        this.deletionHooks = List.copyOf(deletionHooks);
    }

    public Device create(DeviceDraft draft) {
        return createAll(List.of(draft)).get(0);
    }

    /** Creates all devices, each with the ports of its type, or none; problems are named {@code [i].field}. */
    public List<Device> createAll(List<DeviceDraft> drafts) {
        Batch batch = new Batch(drafts.size() == 1);
        for (int i = 0; i < drafts.size(); i++) {
            int index = i;
            batch.at(i, () -> validate(drafts.get(index)));
        }
        refuseTaken(drafts, DeviceDraft::hostname, devices.findByHostnameIn(values(drafts, DeviceDraft::hostname)),
                Device::getHostname, "hostname", batch);
        refuseTaken(drafts, DeviceDraft::serial, devices.findBySerialIn(values(drafts, DeviceDraft::serial)),
                Device::getSerial, "serial", batch);
        refuseTaken(drafts, DeviceDraft::assetTag, devices.findByAssetTagIn(values(drafts, DeviceDraft::assetTag)),
                Device::getAssetTag, "assetTag", batch);

        Map<String, Site> sites = new HashMap<>();
        Map<String, Rack> rackByKey = new HashMap<>();
        Map<String, DeviceType> types = new HashMap<>();
        Map<String, Platform> platforms = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            DeviceDraft d = drafts.get(i);
            batch.at(i, () -> {
                Site site = sites.computeIfAbsent(d.site(), code -> lookup.site(code, "site"));
                if (d.rack() != null) {
                    rackByKey.computeIfAbsent(d.site() + "/" + d.rack(), k -> lookup.rack(site, d.rack(), "rack"));
                }
                types.computeIfAbsent(d.deviceType(), slug -> lookup.deviceType(slug, "deviceType"));
                if (d.platform() != null) {
                    platforms.computeIfAbsent(d.platform(), name -> lookup.platform(name, "platform"));
                }
            });
        }
        Map<Long, RackOccupancy> occupancy = occupancyOf(rackByKey.values());

        List<Device> created = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            DeviceDraft d = drafts.get(i);
            batch.at(i, () -> {
                Device device = new Device(sites.get(d.site()), d.hostname(), d.role(), types.get(d.deviceType()));
                apply(device, d, d.rack() == null ? null : rackByKey.get(d.site() + "/" + d.rack()),
                        d.platform() == null ? null : platforms.get(d.platform()), occupancy);
                created.add(device);
            });
        }
        return devices.saveAll(created);
    }

    /** Changes a device; a change of status must be a move its current status allows. */
    public Device update(long id, DeviceDraft draft) {
        Device device = get(id);
        validate(draft);
        checkMove(device, draft.normalized().status());
        if (!device.getSite().getCode().equals(draft.site())) {
            throw IntentException.invalid("site", "a device cannot move to another site in one edit; "
                    + "decommission it here and create it there");
        }
        if (!device.getDeviceType().getSlug().equals(draft.deviceType())) {
            throw IntentException.invalid("deviceType", "the device type decides the ports; create a new device instead");
        }
        refuseOther(device, draft.hostname(), Device::getHostname, devices.findByHostnameIn(List.of(draft.hostname())), "hostname");
        if (draft.serial() != null) {
            refuseOther(device, draft.serial(), Device::getSerial, devices.findBySerialIn(List.of(draft.serial())), "serial");
        }
        if (draft.assetTag() != null) {
            refuseOther(device, draft.assetTag(), Device::getAssetTag,
                    devices.findByAssetTagIn(List.of(draft.assetTag())), "assetTag");
        }
        Rack rack = draft.rack() == null ? null : lookup.rack(device.getSite(), draft.rack(), "rack");
        Platform platform = draft.platform() == null ? null : lookup.platform(draft.platform(), "platform");
        device.setHostname(draft.hostname());
        apply(device, draft, rack, platform, rack == null ? Map.of() : occupancyOf(List.of(rack)));
        return device;
    }

    /** Applies a standard's design: every designed attribute, leaving the status where operations moved it. */
    public Device applyDesign(long id, DeviceDraft design) {
        return update(id, design.withStatus(get(id).getStatus()));
    }

    /** Moves a device along its lifecycle ({@link DeviceStatus#next()}), e.g. staged once racked and cabled. */
    public Device changeStatus(long id, DeviceStatus status) {
        Device device = get(id);
        new Problems().check(status != null, "status", "is required: expected one of "
                + WireValue.allowed(DeviceStatus.class)).throwIfAny();
        checkMove(device, status);
        device.setStatus(status);
        return device;
    }

    private static void checkMove(Device device, DeviceStatus to) {
        StatusTransitions.check("device " + device.getHostname(), device.getStatus(), to, device.getStatus().next());
    }

    /**
     * Overrides the platform's desired firmware for one device ({@code null} follows the platform again). Whether the
     * version exists is the firmware catalogue's to check, before calling this.
     */
    public Device desireFirmware(long id, String version) {
        Device device = get(id);
        String checked = FirmwareVersions.checked(version);
        if (checked != null && device.getPlatform() == null) {
            throw IntentException.invalid("version", "device " + device.getHostname() + " has no platform, so no "
                    + "firmware image can be chosen for it; give it a platform first");
        }
        device.setDesiredFirmware(checked);
        return device;
    }

    /**
     * Deletes a device and its ports; what other features bound to its ports (addresses) is released through them
     * first, so those changes are logged too (the database's {@code ON DELETE SET NULL} is only a safety net).
     */
    public void delete(long id) {
        Device device = get(id);
        if (cables.existsOnDevice(device)) {
            throw IntentException.conflict("id", "device " + device.getHostname() + " still has cables; remove them first");
        }
        deletionHooks.forEach(hook -> hook.beforeDelete(device));
        devices.delete(device);
    }

    @Transactional(readOnly = true)
    public Device get(long id) {
        return devices.findById(id).orElseThrow(() -> IntentException.notFound("id", "no device with id " + id));
    }

    private void apply(Device device, DeviceDraft given, Rack rack, Platform platform,
                       Map<Long, RackOccupancy> occupancy) {
        DeviceDraft d = given.normalized();
        device.setRole(d.role());
        device.setSerial(d.serial());
        device.setAssetTag(d.assetTag());
        device.setStatus(d.status());
        device.setPlatform(platform);
        device.setTags(Tags.checked(d.tags()));
        if (device.getRack() != null && occupancy.containsKey(device.getRack().getId())) {
            occupancy.get(device.getRack().getId()).remove(device.getHostname());
        }
        device.setRack(rack);
        device.setFace(d.face());
        device.setPositionU(d.positionU());
        device.placement().ifPresent(placement -> {
            RackOccupancy units = occupancy.get(rack.getId());
            units.check(device.getHostname(), placement);
            units.add(device.getHostname(), placement);
        });
    }

    private Map<Long, RackOccupancy> occupancyOf(java.util.Collection<Rack> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = wanted.stream().map(Rack::getId).toList();
        Map<Long, RackOccupancy> occupancy = new HashMap<>();
        for (Rack rack : racks.lockAll(ids)) {
            occupancy.put(rack.getId(), new RackOccupancy(rack));
        }
        for (Device existing : devices.findInRacks(ids)) {
            existing.placement().ifPresent(p -> occupancy.get(existing.getRack().getId()).add(existing.getHostname(), p));
        }
        return occupancy;
    }

    private static void validate(DeviceDraft d) {
        Problems problems = new Problems()
                .check(d.hostname() != null && HOSTNAME.matcher(d.hostname()).matches(), "hostname",
                        "expected lowercase letters, digits, '.' and '-' (e.g. ams1-r01-leaf01)")
                .check(d.role() != null, "role", "is required")
                .check(d.site() != null && !d.site().isBlank(), "site", "is required: expected a site code")
                .check(d.deviceType() != null && !d.deviceType().isBlank(), "deviceType",
                        "is required: expected a device type slug");
        if (d.positionU() != null) {
            problems.check(d.rack() != null, "rack", "is required when positionU is given");
            problems.check(d.positionU() >= 1, "positionU", "expected a rack unit of 1 or more");
        }
        if (d.face() != null && d.positionU() == null) {
            problems.add("positionU", "is required when face is given");
        }
        problems.throwIfAny();
    }

    private static Set<String> values(List<DeviceDraft> drafts, Function<DeviceDraft, String> field) {
        return drafts.stream().map(field).filter(Objects::nonNull).filter(v -> !v.isBlank()).collect(Collectors.toSet());
    }

    private static void refuseTaken(List<DeviceDraft> drafts, Function<DeviceDraft, String> field, List<Device> holders,
                                    Function<Device, String> held, String name, Batch batch) {
        Map<String, String> taken = new HashMap<>();
        holders.forEach(device -> taken.put(held.apply(device), device.getHostname()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String value = blankToNull(field.apply(drafts.get(i)));
            if (value == null) {
                continue;
            }
            batch.at(i, () -> {
                if (taken.containsKey(value)) {
                    throw IntentException.conflict(name, name + " " + value + " is already used by device " + taken.get(value));
                }
                if (!seen.add(value)) {
                    throw IntentException.conflict(name, name + " " + value + " appears twice in this request");
                }
            });
        }
    }

    private static void refuseOther(Device self, String value, Function<Device, String> held, List<Device> holders,
                                    String name) {
        for (Device other : holders) {
            if (!other.getId().equals(self.getId()) && value.equals(held.apply(other))) {
                throw IntentException.conflict(name, name + " " + value + " is already used by device " + other.getHostname());
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
