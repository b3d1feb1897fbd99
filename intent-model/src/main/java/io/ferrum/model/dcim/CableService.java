package io.ferrum.model.dcim;

import io.ferrum.model.common.Batch;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and removes cables, and edits ports. A port holds at most one cable: checked here to name the
 * cable in the way, and enforced by an exclusion constraint in the database against concurrent writers.
 */
@Service
@Transactional
public class CableService {

    private final CableRepository cables;
    private final PortRepository ports;

    public CableService(CableRepository cables, PortRepository ports) {
        this.cables = cables;
        this.ports = ports;
    }

    public Cable create(CableDraft draft) {
        return createAll(List.of(draft)).get(0);
    }

    /** Creates all cables or none; problems are named {@code [i].field}. */
    public List<Cable> createAll(List<CableDraft> drafts) {
        Batch batch = new Batch(drafts.size() == 1);
        for (int i = 0; i < drafts.size(); i++) {
            CableDraft draft = drafts.get(i);
            batch.at(i, () -> validate(draft));
        }
        Set<String> hostnames = drafts.stream().flatMap(d -> Stream.of(d.a().device(), d.b().device()))
                .collect(Collectors.toSet());
        Map<String, Port> portByName = new HashMap<>();
        for (Port port : ports.findOnDevices(hostnames)) {
            portByName.put(port.getDevice().getHostname() + ":" + port.getName(), port);
        }
        // A cable's ends share its site, so the cables in the involved sites cover every port here; one query per
        // site rather than an IN list of thousands of port ids.
        Map<Long, Cable> cableOnPort = new HashMap<>();
        List<Site> involved = portByName.values().stream().map(p -> p.getDevice().getSite()).distinct().toList();
        for (Cable existing : involved.stream().flatMap(site -> cables.findInSite(site).stream()).toList()) {
            cableOnPort.put(existing.getAPort().getId(), existing);
            cableOnPort.put(existing.getBPort().getId(), existing);
        }
        // Existing labels are read once: a query per cable would make Hibernate flush-check every loaded port each time.
        Map<Long, Set<String>> labelsTaken = new HashMap<>();
        Set<String> wantedLabels = drafts.stream().map(CableDraft::label).collect(Collectors.toSet());
        portByName.values().stream().map(p -> p.getDevice().getSite()).distinct().forEach(site ->
                labelsTaken.put(site.getId(), cables.findBySiteAndLabelIn(site, wantedLabels).stream()
                        .map(Cable::getLabel).collect(Collectors.toCollection(HashSet::new))));
        Set<Long> portsUsedHere = new HashSet<>();
        List<Cable> created = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            CableDraft d = drafts.get(i);
            batch.at(i, () -> {
                Port a = port(portByName, d.a(), "a");
                Port b = port(portByName, d.b(), "b");
                if (a.getId().equals(b.getId())) {
                    throw IntentException.invalid("b", "a cable needs two different ports");
                }
                Site site = a.getDevice().getSite();
                if (!b.getDevice().getSite().getId().equals(site.getId())) {
                    throw IntentException.invalid("b.device", b.getDevice().getHostname() + " is in site "
                            + b.getDevice().getSite().getCode() + ", not " + site.getCode() + " like the A end");
                }
                refuseOccupied(a, "a", cableOnPort, portsUsedHere);
                refuseOccupied(b, "b", cableOnPort, portsUsedHere);
                Set<String> labels = labelsTaken.computeIfAbsent(site.getId(), s -> new HashSet<>());
                if (!labels.add(d.label())) {
                    throw IntentException.conflict("label", "cable label " + d.label() + " is already used in site "
                            + site.getCode());
                }
                Cable cable = new Cable(site, d.label(), a, b, d.type());
                apply(cable, d);
                created.add(cable);
            });
        }
        return cables.saveAll(created);
    }

    /** Changes a cable's attributes; re-patching a cable to other ports is a delete and a create. */
    public Cable update(long id, CableDraft draft) {
        Cable cable = get(id);
        validate(draft);
        if (!sameEnd(cable.getAPort(), draft.a()) || !sameEnd(cable.getBPort(), draft.b())) {
            throw IntentException.invalid("a", "a cable's ends cannot move; delete it and create a new cable");
        }
        if (!cable.getLabel().equals(draft.label())) {
            cables.findBySiteAndLabel(cable.getSite(), draft.label()).ifPresent(other -> {
                throw IntentException.conflict("label", "cable label " + draft.label() + " is already used in site "
                        + cable.getSite().getCode());
            });
            cable.setLabel(draft.label());
        }
        cable.setType(draft.type());
        apply(cable, draft);
        return cable;
    }

    /** Applies a standard's design: every designed attribute, leaving the status the installers moved it to. */
    public Cable applyDesign(long id, CableDraft design) {
        return update(id, design.withStatus(get(id).getStatus()));
    }

    public void delete(long id) {
        Cable cable = get(id);
        cables.delete(cable);
    }

    @Transactional(readOnly = true)
    public Cable get(long id) {
        return cables.findById(id).orElseThrow(() -> IntentException.notFound("id", "no cable with id " + id));
    }

    /** Enables or disables a port (its admin state in intent; provisioning pushes it, assurance checks it). */
    public Port setPortEnabled(long id, boolean enabled) {
        Port port = port(id);
        port.setEnabled(enabled);
        return port;
    }

    public Port updatePort(long id, PortDraft draft) {
        Port port = port(id);
        Problems problems = new Problems();
        if (draft.mac() != null && !draft.mac().matches("(?i)^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$")) {
            problems.add("mac", "'" + draft.mac() + "' is not a MAC address such as 0c:42:a1:00:00:01");
        }
        problems.check(draft.speedMbps() == null || draft.speedMbps() > 0, "speedMbps", "must be positive");
        problems.throwIfAny();
        if (draft.enabled() != null) {
            port.setEnabled(draft.enabled());
        }
        port.setDescription(draft.description());
        port.setMac(draft.mac() == null ? null : draft.mac().toLowerCase().replace('-', ':'));
        if (draft.speedMbps() != null) {
            port.setSpeedMbps(draft.speedMbps());
        }
        if (draft.media() != null) {
            port.setMedia(draft.media());
        }
        return port;
    }

    private static boolean sameEnd(Port port, CableDraft.End end) {
        return port.getDevice().getHostname().equals(end.device()) && port.getName().equals(end.port());
    }

    private static Port port(Map<String, Port> portByName, CableDraft.End end, String field) {
        Port port = portByName.get(end.device() + ":" + end.port());
        if (port == null) {
            boolean deviceKnown = portByName.keySet().stream().anyMatch(k -> k.startsWith(end.device() + ":"));
            throw deviceKnown
                    ? IntentException.invalid(field + ".port", "port '" + end.port() + "' does not exist on " + end.device())
                    : IntentException.invalid(field + ".device", "device '" + end.device() + "' does not exist");
        }
        return port;
    }

    private static void refuseOccupied(Port port, String field, Map<Long, Cable> cableOnPort, Set<Long> usedHere) {
        Cable existing = cableOnPort.get(port.getId());
        if (existing != null) {
            throw IntentException.conflict(field + ".port", "port " + port.displayName() + " already has cable "
                    + existing.getLabel());
        }
        if (!usedHere.add(port.getId())) {
            throw IntentException.conflict(field + ".port", "port " + port.displayName()
                    + " is used by another cable in this request");
        }
    }

    private static void apply(Cable cable, CableDraft d) {
        cable.setColour(d.colour());
        cable.setLengthM(d.lengthM());
        cable.setStatus(d.status() == null ? CableStatus.PLANNED : d.status());
        cable.setTags(Tags.checked(d.tags()));
    }

    private static void validate(CableDraft d) {
        Problems problems = new Problems()
                .check(d.label() != null && !d.label().isBlank(), "label", "is required")
                .check(d.type() != null, "type", "is required")
                .check(d.a() != null && d.a().device() != null && d.a().port() != null, "a",
                        "is required: expected {device, port}")
                .check(d.b() != null && d.b().device() != null && d.b().port() != null, "b",
                        "is required: expected {device, port}")
                .check(d.lengthM() == null || d.lengthM().signum() > 0, "lengthM", "must be a positive length in metres");
        problems.throwIfAny();
    }

    private Port port(long id) {
        return ports.findById(id).orElseThrow(() -> IntentException.notFound("id", "no port with id " + id));
    }
}
