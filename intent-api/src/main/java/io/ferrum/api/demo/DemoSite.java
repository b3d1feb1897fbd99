package io.ferrum.api.demo;

import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableService;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceService;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.DeviceTypeRepository;
import io.ferrum.model.dcim.DeviceTypeService;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.PortTemplate;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.dcim.RackService;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.model.dcim.SiteService;
import io.ferrum.model.dcim.SiteStatus;
import io.ferrum.model.ipam.AddressRequest;
import io.ferrum.model.ipam.IpAddressService;
import io.ferrum.model.ipam.IpamAllocator;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.model.ipam.PrefixRequest;
import io.ferrum.model.ipam.PrefixRole;
import io.ferrum.model.ipam.PrefixService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo site {@code demo1}: two racks, each with a leaf, a management switch and four dual-homed servers, cabled
 * and addressed. Built through the model's services, like any user's data, and only when it is not there yet.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "ferrum.demo.enabled", havingValue = "true")
class DemoSite implements ApplicationRunner {

    static final String SITE = "demo1";
    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);

    private final SiteRepository sites;
    private final SiteService siteService;
    private final RackService racks;
    private final DeviceTypeService deviceTypes;
    private final DeviceTypeRepository deviceTypeRepository;
    private final DeviceService devices;
    private final CableService cables;
    private final PrefixService prefixes;
    private final IpamAllocator allocator;
    private final IpAddressService addresses;

    DemoSite(SiteRepository sites, SiteService siteService, RackService racks, DeviceTypeService deviceTypes,
             DeviceTypeRepository deviceTypeRepository, DeviceService devices, CableService cables,
             PrefixService prefixes, IpamAllocator allocator, IpAddressService addresses) {
        this.sites = sites;
        this.siteService = siteService;
        this.racks = racks;
        this.deviceTypes = deviceTypes;
        this.deviceTypeRepository = deviceTypeRepository;
        this.devices = devices;
        this.cables = cables;
        this.prefixes = prefixes;
        this.allocator = allocator;
        this.addresses = addresses;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (sites.findByCode(SITE).isPresent()) {
            return;
        }
        try (var actor = ChangeContext.open("demo", "demo-seed")) {
            build();
        }
        log.info("Created demo site {}", SITE);
        System.out.println("Demo site '" + SITE + "' is ready: GET /api/v1/sites?code=" + SITE);
    }

    private void build() {
        deviceTypeIfMissing(new DeviceTypeDraft("arista-7050sx3-48yc8", "Arista", "DCS-7050SX3-48YC8", 1, true, 250, 400,
                List.of(new PortTemplate("Ethernet[1-48]", PortKind.DATA, 25000, "sfp28"),
                        new PortTemplate("Ethernet[49-56]", PortKind.DATA, 100000, "qsfp28"),
                        new PortTemplate("Management1", PortKind.MGMT, 1000, "rj45"),
                        new PortTemplate("Console", PortKind.CONSOLE, null, "rj45"))));
        deviceTypeIfMissing(new DeviceTypeDraft("arista-720xp-48y6", "Arista", "CCS-720XP-48Y6", 1, false, 120, 250,
                List.of(new PortTemplate("Ethernet[1-48]", PortKind.DATA, 1000, "rj45"),
                        new PortTemplate("Ethernet[49-54]", PortKind.DATA, 25000, "sfp28"),
                        new PortTemplate("Management1", PortKind.MGMT, 1000, "rj45"))));
        deviceTypeIfMissing(new DeviceTypeDraft("dell-r660", "Dell", "PowerEdge R660", 1, true, 350, 750,
                List.of(new PortTemplate("eth[0-1]", PortKind.DATA, 25000, "sfp28"),
                        new PortTemplate("bmc", PortKind.MGMT, 1000, "rj45"),
                        new PortTemplate("psu[1-2]", PortKind.POWER, null, "c14"))));

        siteService.create(new SiteDraft(SITE, "Demo colocation", "1 Exchange Square, London", "Europe/London",
                SiteStatus.ACTIVE, List.of("demo")));
        List<RackDraft> rackDrafts = new ArrayList<>();
        List<DeviceDraft> deviceDrafts = new ArrayList<>();
        List<CableDraft> cableDrafts = new ArrayList<>();
        for (int r = 1; r <= 2; r++) {
            String rack = "%s-r%02d".formatted(SITE, r);
            rackDrafts.add(new RackDraft(SITE, null, rack, 42, 8000, "standard-42u", List.of()));
            String leaf = rack + "-leaf01";
            String mgmt = rack + "-mgmt01";
            deviceDrafts.add(device(rack, leaf, DeviceRole.LEAF, "arista-7050sx3-48yc8", "LF" + r + "0001", 42));
            deviceDrafts.add(device(rack, mgmt, DeviceRole.MGMT_SWITCH, "arista-720xp-48y6", "MG" + r + "0001", 41));
            cableDrafts.add(cable(rack + "-c100", leaf, "Management1", mgmt, "Ethernet48", CableType.CAT6, "blue", "1.0"));
            for (int s = 1; s <= 4; s++) {
                String server = "%s-srv%02d".formatted(rack, s);
                deviceDrafts.add(device(rack, server, DeviceRole.SERVER, "dell-r660", "SV%d%04d".formatted(r, s), s * 2));
                cableDrafts.add(cable("%s-c%03d".formatted(rack, s * 2 - 1), server, "eth0", leaf, "Ethernet" + s,
                        CableType.DAC, "black", "2.0"));
                cableDrafts.add(cable("%s-c%03d".formatted(rack, s * 2), server, "bmc", mgmt, "Ethernet" + s,
                        CableType.CAT6, "green", "2.0"));
            }
        }
        cableDrafts.add(cable(SITE + "-x001", SITE + "-r01-leaf01", "Ethernet49", SITE + "-r02-leaf01", "Ethernet49",
                CableType.AOC, "aqua", "5.0"));
        racks.createAll(rackDrafts);
        devices.createAll(deviceDrafts);
        cables.createAll(cableDrafts);

        Prefix supernet = prefixes.create(new PrefixDraft(null, "10.10.0.0/16", PrefixRole.CONTAINER, SITE, null,
                "demo1 supernet", List.of()));
        Prefix mgmt = allocator.nextPrefix(supernet.getId(), new PrefixRequest(24, SITE + "/mgmt", PrefixRole.MGMT, SITE,
                "management"));
        Prefix bmc = allocator.nextPrefix(supernet.getId(), new PrefixRequest(24, SITE + "/bmc", PrefixRole.BMC, SITE,
                "server BMCs"));
        for (int r = 1; r <= 2; r++) {
            String rack = "%s-r%02d".formatted(SITE, r);
            allocator.nextPrefix(supernet.getId(), new PrefixRequest(24, rack + "/server", PrefixRole.SERVER, SITE,
                    "servers in " + rack));
            for (String sw : List.of(rack + "-leaf01", rack + "-mgmt01")) {
                var ip = allocator.nextAddress(mgmt.getId(), new AddressRequest(sw + "/mgmt", false, sw, "Management1",
                        sw + ".demo1.ferrum.internal", null));
                addresses.makePrimary(ip.getId());
            }
            for (int s = 1; s <= 4; s++) {
                String server = "%s-srv%02d".formatted(rack, s);
                var ip = allocator.nextAddress(bmc.getId(), new AddressRequest(server + "/bmc", false, server, "bmc",
                        server + "-bmc.demo1.ferrum.internal", null));
                addresses.makePrimary(ip.getId());
            }
        }
    }

    private void deviceTypeIfMissing(DeviceTypeDraft draft) {
        if (deviceTypeRepository.findBySlug(draft.slug()).isEmpty()) {
            deviceTypes.create(draft);
        }
    }

    private static DeviceDraft device(String rack, String hostname, DeviceRole role, String type, String serial, int u) {
        return new DeviceDraft(SITE, rack, hostname, role, type, null, serial, null, DeviceStatus.ACTIVE, RackFace.FRONT,
                u, List.of());
    }

    private static CableDraft cable(String label, String aDevice, String aPort, String bDevice, String bPort,
                                    CableType type, String colour, String length) {
        return new CableDraft(label, new CableDraft.End(aDevice, aPort), new CableDraft.End(bDevice, bPort), type, colour,
                new BigDecimal(length), null, List.of());
    }
}
