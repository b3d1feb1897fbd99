package io.ferrum.model.dcim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RackPlacementTest {

    @Test
    void devicesOnOppositeFacesShareUnitsWhenBothAreHalfDepth() {
        var front = new RackPlacement(RackFace.FRONT, 10, 1, false);
        var rear = new RackPlacement(RackFace.REAR, 10, 1, false);
        assertThat(front.overlaps(rear)).isFalse();
    }

    @Test
    void fullDepthDeviceTakesBothFaces() {
        var server = new RackPlacement(RackFace.FRONT, 10, 2, true);
        var patchPanelRear = new RackPlacement(RackFace.REAR, 11, 1, false);
        assertThat(server.overlaps(patchPanelRear)).isTrue();
    }

    @Test
    void adjacentUnitsDoNotOverlap() {
        var lower = new RackPlacement(RackFace.FRONT, 1, 2, true);
        var upper = new RackPlacement(RackFace.FRONT, 3, 1, true);
        assertThat(lower.overlaps(upper)).isFalse();
        assertThat(lower.topU()).isEqualTo(2);
    }

    @Test
    void mustFitInsideTheRack() {
        assertThat(new RackPlacement(RackFace.FRONT, 42, 1, true).fitsIn(42)).isTrue();
        assertThat(new RackPlacement(RackFace.FRONT, 42, 2, true).fitsIn(42)).isFalse();
        assertThat(new RackPlacement(RackFace.FRONT, 0, 1, true).fitsIn(42)).isFalse();
    }
}
