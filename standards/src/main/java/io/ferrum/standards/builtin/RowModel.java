package io.ferrum.standards.builtin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor model behind cable lengths: all racks stand in one row, 600 mm wide, the network rack first and the
 * server racks after it in definition order, with cable trays 300 mm above the racks. A cable between racks runs up
 * from its device to the tray, along the row and down again, plus 1 m slack for dressing; within a rack it runs the
 * vertical distance plus 0.5 m.
 *
 * <p>Appending racks keeps every existing rack's position, so appending never changes existing cable lengths.
 */
final class RowModel {

    static final double RACK_WIDTH_M = 0.6;
    static final double RACK_UNIT_M = 0.04445;
    static final double TRAY_DROP_M = 0.3;
    static final double SLACK_BETWEEN_RACKS_M = 1.0;
    static final double SLACK_WITHIN_RACK_M = 0.5;

    private final Map<String, Integer> positions = new HashMap<>();

    RowModel(List<String> racksInRowOrder) {
        for (String rack : racksInRowOrder) {
            positions.putIfAbsent(rack, positions.size());
        }
    }

    /** The length a cable needs between two devices, before rounding up to a stock length. */
    double routedLength(Placement a, Placement b) {
        if (a.rack().equals(b.rack())) {
            return Math.abs(middle(a) - middle(b)) * RACK_UNIT_M + SLACK_WITHIN_RACK_M;
        }
        double up = (a.rackHeightU() - middle(a)) * RACK_UNIT_M + TRAY_DROP_M;
        double down = (b.rackHeightU() - middle(b)) * RACK_UNIT_M + TRAY_DROP_M;
        double along = Math.abs(position(a.rack()) - position(b.rack())) * RACK_WIDTH_M;
        return up + along + down + SLACK_BETWEEN_RACKS_M;
    }

    private int position(String rack) {
        Integer position = positions.get(rack);
        if (position == null) {
            throw new IllegalArgumentException("rack " + rack + " is not in the row");
        }
        return position;
    }

    private static double middle(Placement p) {
        return p.positionU() + (p.uHeight() - 1) / 2.0;
    }
}
