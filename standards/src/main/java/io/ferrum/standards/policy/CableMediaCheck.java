package io.ferrum.standards.policy;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Both ends of a cable agree: the same speed and connector, console only to console, and a cable type that fits the
 * connector (DAC/AOC/fibre into SFP/QSFP cages, twisted pair into RJ45).
 */
public final class CableMediaCheck implements PolicyCheck {

    private static final Set<String> PLUGGABLE = Set.of("sfp", "sfp+", "sfp28", "sfp56", "qsfp", "qsfp+", "qsfp28",
            "qsfp56", "qsfp-dd", "osfp");
    private static final Set<CableType> FOR_PLUGGABLE = Set.of(CableType.DAC, CableType.AOC, CableType.SMF,
            CableType.MMF);
    private static final Set<CableType> TWISTED_PAIR = Set.of(CableType.CAT5E, CableType.CAT6, CableType.CAT6A);

    @Override
    public String name() {
        return "cable-media";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        DesignIndex index = new DesignIndex(site);
        List<PolicyViolation> violations = new ArrayList<>();
        for (CableDraft cable : site.cables()) {
            Optional<DesignIndex.PortSpec> a = index.port(cable.a().device(), cable.a().port());
            Optional<DesignIndex.PortSpec> b = index.port(cable.b().device(), cable.b().port());
            if (a.isEmpty() || b.isEmpty()) {
                continue; // cable-endpoints reports ports that do not exist
            }
            String problem = mismatch(cable, a.get(), b.get());
            if (problem != null) {
                violations.add(new PolicyViolation(name(), cable.label(), problem + " ("
                        + describe(cable.a(), a.get()) + " to " + describe(cable.b(), b.get()) + ")"));
            }
        }
        return violations;
    }

    private static String mismatch(CableDraft cable, DesignIndex.PortSpec a, DesignIndex.PortSpec b) {
        boolean aConsole = a.kind() == PortKind.CONSOLE;
        boolean bConsole = b.kind() == PortKind.CONSOLE;
        if (aConsole != bConsole) {
            return "joins a console port to a " + (aConsole ? b : a).kind().wire() + " port";
        }
        if ((a.kind() == PortKind.POWER) != (b.kind() == PortKind.POWER)) {
            return "joins a power port to a data port";
        }
        if (a.speedMbps() != null && b.speedMbps() != null && !a.speedMbps().equals(b.speedMbps())) {
            return "speed mismatch: " + a.speedMbps() + " Mb/s to " + b.speedMbps() + " Mb/s";
        }
        if (a.media() != null && b.media() != null && !a.media().equalsIgnoreCase(b.media())) {
            return "media mismatch: " + a.media() + " to " + b.media();
        }
        CableType type = cable.type();
        if (type == null) {
            return null;
        }
        String media = Objects.requireNonNullElse(a.media(), "").toLowerCase();
        if (aConsole) {
            return type == CableType.CONSOLE ? null : "a " + type.wire() + " cable between console ports";
        }
        if (PLUGGABLE.contains(media) && !FOR_PLUGGABLE.contains(type)) {
            return "a " + type.wire() + " cable cannot plug into " + media;
        }
        if (media.equals("rj45") && !TWISTED_PAIR.contains(type)) {
            return "a " + type.wire() + " cable cannot plug into rj45";
        }
        return null;
    }

    private static String describe(CableDraft.End end, DesignIndex.PortSpec port) {
        return end.device() + " " + end.port() + " " + (port.speedMbps() == null ? "" : port.speedMbps() + " Mb/s ")
                + port.media();
    }
}
