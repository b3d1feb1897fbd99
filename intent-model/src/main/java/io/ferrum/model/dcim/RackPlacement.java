package io.ferrum.model.dcim;

/**
 * Where a device sits in a rack: units {@code positionU .. positionU + uHeight - 1} on one face, or on both faces
 * when the device is full depth. Zero-height devices (vertical PDUs, blanking) take no units.
 */
public record RackPlacement(RackFace face, int positionU, int uHeight, boolean fullDepth) {

    public int topU() {
        return positionU + uHeight - 1;
    }

    public boolean fitsIn(int rackHeightU) {
        return positionU >= 1 && (uHeight == 0 || topU() <= rackHeightU);
    }

    public boolean overlaps(RackPlacement other) {
        if (uHeight == 0 || other.uHeight == 0) {
            return false;
        }
        boolean sameSide = fullDepth || other.fullDepth || face == other.face;
        return sameSide && positionU <= other.topU() && other.positionU <= topU();
    }

    public String describe() {
        String units = uHeight <= 1 ? "U" + positionU : "U" + positionU + "-U" + topU();
        return units + (fullDepth ? " (full depth)" : " " + face.wire());
    }
}
