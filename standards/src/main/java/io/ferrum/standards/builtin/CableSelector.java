package io.ferrum.standards.builtin;

import io.ferrum.model.dcim.CableType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Picks cable media and a stock length for a routed length. Pluggable ports (SFP28/QSFP28) take a DAC while it
 * reaches (cheapest, no optics), an active optical cable up to 30 m, single-mode fibre beyond; RJ45 data takes
 * Cat6a; console ports take console cables. Lengths round up to what stores stock, so the plan orders real parts.
 */
final class CableSelector {

    record Choice(CableType type, BigDecimal lengthM) {
    }

    static final double DAC_REACH_M = 3.0;
    static final double AOC_REACH_M = 30.0;

    private static final List<BigDecimal> DAC = lengths("0.5", "1", "1.5", "2", "2.5", "3");
    private static final List<BigDecimal> AOC = lengths("3", "5", "7", "10", "15", "20", "25", "30");
    private static final List<BigDecimal> SMF = lengths("2", "3", "5", "10", "15", "20", "30", "50", "100", "200");
    private static final List<BigDecimal> CAT6A = lengths("0.5", "1", "1.5", "2", "3", "5", "7", "10", "15", "20",
            "30", "50", "100");
    private static final List<BigDecimal> CONSOLE = lengths("1", "2", "3", "5", "7", "10", "15");

    private CableSelector() {
    }

    static Choice pluggable(double routedM) {
        if (routedM <= DAC_REACH_M) {
            return new Choice(CableType.DAC, stock(DAC, routedM));
        }
        if (routedM <= AOC_REACH_M) {
            return new Choice(CableType.AOC, stock(AOC, routedM));
        }
        return new Choice(CableType.SMF, stock(SMF, routedM));
    }

    static Choice copper(double routedM) {
        return new Choice(CableType.CAT6A, stock(CAT6A, routedM));
    }

    static Choice console(double routedM) {
        return new Choice(CableType.CONSOLE, stock(CONSOLE, routedM));
    }

    /** The shortest stock length that reaches; beyond the longest, a made-to-measure length in whole metres. */
    private static BigDecimal stock(List<BigDecimal> stock, double routedM) {
        for (BigDecimal length : stock) {
            if (length.doubleValue() >= routedM) {
                return length;
            }
        }
        return BigDecimal.valueOf((long) Math.ceil(routedM));
    }

    private static List<BigDecimal> lengths(String... metres) {
        return java.util.Arrays.stream(metres).map(BigDecimal::new).toList();
    }
}
