package io.ferrum.api.baremetal;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.CableService;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.PortDraft;
import io.ferrum.model.dcim.PortRepository;
import io.ferrum.provisioning.baremetal.OsImage;
import io.ferrum.provisioning.baremetal.OsImageCatalogue;
import io.ferrum.provisioning.baremetal.ProvisioningStore;
import io.ferrum.provisioning.baremetal.ServerProvisioning;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A server's provisioning: {@code GET /api/v1/servers/{id}/provisioning} (state, images, deploy progress, audit
 * trail), {@code PUT} the same to enrol it ({@code pxeMac}: the MAC it network-boots from, stored on its port in
 * intent) and to desire an image ({@code desiredImage: name@version}); {@code GET /api/v1/servers?site=} lists a
 * site's servers with their state (the console's bare-metal page).
 */
@RestController
class ServerProvisioningController {

    private final ProvisioningStore store;
    private final OsImageCatalogue images;
    private final CableService cables;
    private final PortRepository ports;

    ServerProvisioningController(ProvisioningStore store, OsImageCatalogue images, CableService cables,
                                 PortRepository ports) {
        this.store = store;
        this.images = images;
        this.cables = cables;
        this.ports = ports;
    }

    /** One server's provisioning as the API shows it. */
    record ProvisioningView(long id, String hostname, String state, String desiredImage, String deployingImage,
                            String installedImage, long bytesWritten, Long bytesTotal, String failureReason,
                            String failureDetail, String reportedImage, Instant reportedAt, Instant deadline,
                            Long runId, String pxeMac, List<ProvisioningStore.Event> events) {
    }

    /** What an enrolment or a change of desired image says; absent fields stay as they are. */
    record ProvisioningRequest(String pxeMac, String pxePort, String desiredImage) {
    }

    @GetMapping("/api/v1/servers")
    List<ProvisioningView> list(@RequestParam String site) {
        return store.bySite(site).stream().map(row -> view(row, false)).toList();
    }

    @GetMapping("/api/v1/servers/{id}/provisioning")
    ProvisioningView get(@PathVariable long id) {
        store.server(id);
        return view(store.find(id).orElseThrow(), true);
    }

    @PutMapping("/api/v1/servers/{id}/provisioning")
    @Transactional
    ProvisioningView put(@PathVariable long id, @RequestBody ProvisioningRequest request, Principal principal) {
        if (request == null) {
            throw IntentException.invalid("body", "expected {pxeMac, pxePort, desiredImage}");
        }
        ProvisioningStore.Server server = store.server(id);
        store.ensure(id, principal.getName());
        if (request.pxeMac() != null) {
            String portName = request.pxePort() == null ? "eth0" : request.pxePort();
            Port port = ports.findNamedOnDevices(List.of(server.hostname()), List.of(portName)).stream().findFirst()
                    .orElseThrow(() -> IntentException.invalid("pxePort", server.hostname() + " has no port "
                            + portName));
            cables.updatePort(port.getId(), new PortDraft(null, port.getDescription(), request.pxeMac(), null, null));
            ports.flush();
        }
        if (request.desiredImage() != null) {
            OsImage image = images.named("desiredImage", request.desiredImage());
            store.desire(id, image.id(), principal.getName());
        }
        return get(id);
    }

    private ProvisioningView view(ServerProvisioning row, boolean withEvents) {
        return new ProvisioningView(row.deviceId(), row.hostname(), row.state().wire(), ident(row.desiredImageId()),
                ident(row.deployingImageId()), ident(row.installedImageId()), row.bytesWritten(), row.bytesTotal(),
                row.failureReason(), row.failureDetail(), row.reportedImage(), row.reportedAt(), row.deadline(),
                row.runId(), store.pxeMac(row.deviceId()).orElse(null),
                withEvents ? store.events(row.deviceId()) : List.of());
    }

    private String ident(Long imageId) {
        return imageId == null ? null : images.find(imageId).map(OsImage::ident).orElse(null);
    }
}
