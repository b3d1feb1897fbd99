package io.ferrum.standards.policy;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableType;
import io.ferrum.standards.desired.DesiredSite;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * No cable is longer than its media carries a signal: passive copper (DAC) 5 m at 25G, console (RS-232) 15 m,
 * twisted pair 100 m, multimode 100 m (25G-SR on OM4), AOC 100 m, single-mode 10 km, power 5 m (rack PDU leads).
 */
public final class CableLengthCheck implements PolicyCheck {

    static final Map<CableType, BigDecimal> MAX_LENGTH_M = new EnumMap<>(Map.of(
            CableType.DAC, new BigDecimal("5"),
            CableType.AOC, new BigDecimal("100"),
            CableType.SMF, new BigDecimal("10000"),
            CableType.MMF, new BigDecimal("100"),
            CableType.CAT5E, new BigDecimal("100"),
            CableType.CAT6, new BigDecimal("100"),
            CableType.CAT6A, new BigDecimal("100"),
            CableType.POWER, new BigDecimal("5"),
            CableType.CONSOLE, new BigDecimal("15")));

    @Override
    public String name() {
        return "cable-length";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        List<PolicyViolation> violations = new ArrayList<>();
        for (CableDraft cable : site.cables()) {
            if (cable.type() == null || cable.lengthM() == null) {
                continue;
            }
            BigDecimal max = MAX_LENGTH_M.get(cable.type());
            if (max != null && cable.lengthM().compareTo(max) > 0) {
                violations.add(new PolicyViolation(name(), cable.label(), cable.lengthM().toPlainString() + " m of "
                        + cable.type().wire() + " is longer than the " + max.toPlainString() + " m it carries"));
            }
        }
        return violations;
    }
}
