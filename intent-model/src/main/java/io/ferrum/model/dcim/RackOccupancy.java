package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentException;
import java.util.ArrayList;
import java.util.List;

/** The units taken in one rack, so that a new placement can be checked against all of them at once. */
final class RackOccupancy {

    private record Occupant(String hostname, RackPlacement placement) {
    }

    private final Rack rack;
    private final List<Occupant> occupants = new ArrayList<>();

    RackOccupancy(Rack rack) {
        this.rack = rack;
    }

    void add(String hostname, RackPlacement placement) {
        occupants.add(new Occupant(hostname, placement));
    }

    void remove(String hostname) {
        occupants.removeIf(o -> o.hostname().equals(hostname));
    }

    /** Refuses a placement outside the rack or over another device, naming both. */
    void check(String hostname, RackPlacement placement) {
        if (!placement.fitsIn(rack.getHeightU())) {
            throw IntentException.invalid("positionU", placement.describe() + " does not fit in rack " + rack.getName()
                    + " of " + rack.getHeightU() + "U");
        }
        for (Occupant occupant : occupants) {
            if (!occupant.hostname().equals(hostname) && occupant.placement().overlaps(placement)) {
                throw IntentException.conflict("positionU", placement.describe() + " in rack " + rack.getName()
                        + " overlaps " + occupant.hostname() + " at " + occupant.placement().describe());
            }
        }
    }
}
