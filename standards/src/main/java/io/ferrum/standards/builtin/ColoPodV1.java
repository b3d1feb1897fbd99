package io.ferrum.standards.builtin;

/** colo-pod@1: two leafs per rack, dual-homed servers, one console server in the network rack. */
public final class ColoPodV1 extends ColoPodStandard {

    public ColoPodV1() {
        super(ColoPodRules.v1());
    }
}
