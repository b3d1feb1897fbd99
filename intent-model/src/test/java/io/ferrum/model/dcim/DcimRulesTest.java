package io.ferrum.model.dcim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.IntentException.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The device, cable and rack rules of the model, through its services on a real PostgreSQL (the API's tests check
 * the same rules over HTTP; these run without a web server). Each test works in a site of its own.
 */
@SpringBootTest
class DcimRulesTest {

    private static final AtomicInteger SITES = new AtomicInteger();

    @Autowired
    SiteService sites;
    @Autowired
    RackService racks;
    @Autowired
    DeviceTypeService deviceTypes;
    @Autowired
    DeviceService devices;
    @Autowired
    CableService cables;

    private String site;

    @BeforeEach
    void siteWithARack() {
        site = "rules" + SITES.incrementAndGet();
        sites.create(new SiteDraft(site, "Rules " + site, null, null, null, null));
        racks.create(new RackDraft(site, null, "r1", 42, 10_000, null, null));
        type("full-2u", 2, true);
        type("half-1u", 1, false);
    }

    @Test
    void refusesADeviceOverUnitsAnotherOccupies() {
        Device first = devices.create(mounted("big", "full-2u", RackFace.FRONT, 10));

        assertRefused(() -> devices.create(mounted("over", "half-1u", RackFace.FRONT, 11)),
                Reason.CONFLICT, "positionU", first.getHostname());
        devices.create(mounted("above", "half-1u", RackFace.FRONT, 12));
    }

    @Test
    void aFullDepthDeviceTakesBothFacesWhileHalfDepthOnesShareAUnit() {
        devices.create(mounted("deep", "full-2u", RackFace.FRONT, 20));

        assertRefused(() -> devices.create(mounted("behind", "half-1u", RackFace.REAR, 21)),
                Reason.CONFLICT, "positionU", "deep");
        devices.create(mounted("front30", "half-1u", RackFace.FRONT, 30));
        devices.create(mounted("rear30", "half-1u", RackFace.REAR, 30));
    }

    @Test
    void refusesAPlacementOutsideTheRack() {
        assertRefused(() -> devices.create(mounted("roof", "full-2u", RackFace.FRONT, 42)),
                Reason.INVALID, "positionU", "r1");
    }

    @Test
    void refusesADuplicateSerialOrHostname() {
        devices.create(withSerial("one", "SN-" + site));

        assertRefused(() -> devices.create(withSerial("two", "SN-" + site)), Reason.CONFLICT, "serial", "one");
        assertRefused(() -> devices.create(withSerial("one", null)), Reason.CONFLICT, "hostname", "one");
        assertRefused(() -> devices.createAll(List.of(withSerial("three", "X-" + site), withSerial("four", "X-" + site))),
                Reason.CONFLICT, "serial", "twice");
    }

    @Test
    void aPortTakesOneCable() {
        devices.create(withSerial("a", null));
        devices.create(withSerial("b", null));
        cables.create(cable("first", "a", "eth0", "b", "eth0"));

        assertRefused(() -> cables.create(cable("second", "b", "eth1", "a", "eth0")),
                Reason.CONFLICT, "b.port", "already has cable");
        assertRefused(() -> cables.create(cable("loop", "a", "eth1", "a", "eth1")),
                Reason.INVALID, "b", "two different ports");
    }

    @Test
    void refusesADuplicateCableLabelInTheSite() {
        devices.create(withSerial("a", null));
        devices.create(withSerial("b", null));
        cables.create(cable("label-1", "a", "eth0", "b", "eth0"));

        assertRefused(() -> cables.create(cable("label-1", "a", "eth1", "b", "eth1")),
                Reason.CONFLICT, "label", "label-1");
    }

    @Test
    void aRackHoldingDevicesCannotBeDeleted() {
        Rack rack = racks.create(new RackDraft(site, null, "r2", 42, 10_000, null, null));
        Device device = devices.create(new DeviceDraft(site, "r2", host("tenant"), DeviceRole.SERVER, site + "-half-1u",
                null, null, null, null, RackFace.FRONT, 1, null));

        assertRefused(() -> racks.delete(rack.getId()), Reason.CONFLICT, "id", "still holds devices");
        devices.delete(device.getId());
        racks.delete(rack.getId());
        assertRefused(() -> racks.get(rack.getId()), Reason.NOT_FOUND, "id", "no rack");
    }

    private void type(String slug, int uHeight, boolean fullDepth) {
        deviceTypes.create(new DeviceTypeDraft(site + "-" + slug, "Acme", site + "-" + slug, uHeight, fullDepth, 100,
                200, List.of(new PortTemplate("eth[0-1]", PortKind.DATA, 25_000, "sfp28"))));
    }

    private String host(String name) {
        return site + "-" + name;
    }

    private DeviceDraft mounted(String name, String type, RackFace face, int positionU) {
        return new DeviceDraft(site, "r1", host(name), DeviceRole.SERVER, site + "-" + type, null, null, null, null,
                face, positionU, null);
    }

    private DeviceDraft withSerial(String name, String serial) {
        return new DeviceDraft(site, null, host(name), DeviceRole.SERVER, site + "-half-1u", null, serial, null, null,
                null, null, null);
    }

    private CableDraft cable(String label, String a, String aPort, String b, String bPort) {
        return new CableDraft(site + "-" + label, new CableDraft.End(host(a), aPort), new CableDraft.End(host(b), bPort),
                CableType.DAC, null, BigDecimal.ONE, null, null);
    }

    private static void assertRefused(ThrowingCallable call, Reason reason, String field, String mentioning) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IntentException.class, e -> {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.field()).endsWith(field);
                assertThat(p.reason()).contains(mentioning);
            });
        });
    }
}
