package io.ferrum.api.dcim;

import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.PageOf;
import io.ferrum.api.web.Versions;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.CableService;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.PortDraft;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.PortRepository;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ports are born with their device; they are read and edited here, never created or deleted alone. */
@RestController
@RequestMapping("/api/v1/ports")
@Transactional
class PortController {

    private static final ListQuery QUERY = ListQuery.filters("device", "device.hostname", "site", "device.site.code",
            "kind", "kind", "name", "name", "enabled", "enabled");

    private final PortRepository repository;
    private final CableService cables;

    PortController(PortRepository repository, CableService cables) {
        this.repository = repository;
        this.cables = cables;
    }

    record PortView(long id, String device, String name, PortKind kind, Integer speedMbps, String media, String mac,
                    boolean enabled, String description, long version) {
        static PortView of(Port p) {
            return new PortView(p.getId(), p.getDevice().getHostname(), p.getName(), p.getKind(), p.getSpeedMbps(),
                    p.getMedia(), p.getMac(), p.isEnabled(), p.getDescription(), p.getVersion());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    PageOf<PortView> list(@RequestParam Map<String, String> params) {
        return PageOf.of(repository.findAll(QUERY.<Port>specification(params), QUERY.page(params)), PortView::of);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<PortView> get(@PathVariable long id) {
        Port port = find(id);
        return Versions.ok(port, PortView.of(port));
    }

    @PutMapping("/{id}")
    ResponseEntity<PortView> update(@PathVariable long id, @RequestBody PortDraft draft,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.check(find(id), ifMatch);
        Port port = cables.updatePort(id, draft);
        repository.flush();
        return Versions.ok(port, PortView.of(port));
    }

    /** Enables the port in intent (admin up); provisioning pushes it, assurance checks it. */
    @PostMapping("/{id}/enable")
    ResponseEntity<PortView> enable(@PathVariable long id,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return setEnabled(id, true, ifMatch);
    }

    /** Disables the port in intent (admin down). */
    @PostMapping("/{id}/disable")
    ResponseEntity<PortView> disable(@PathVariable long id,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return setEnabled(id, false, ifMatch);
    }

    private ResponseEntity<PortView> setEnabled(long id, boolean enabled, String ifMatch) {
        Versions.check(find(id), ifMatch);
        Port port = cables.setPortEnabled(id, enabled);
        repository.flush();
        return Versions.ok(port, PortView.of(port));
    }

    private Port find(long id) {
        return repository.findById(id).orElseThrow(() -> IntentException.notFound("id", "no port with id " + id));
    }
}
