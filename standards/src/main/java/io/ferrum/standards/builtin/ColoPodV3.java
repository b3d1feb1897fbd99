package io.ferrum.standards.builtin;

/** colo-pod@3: v2 with the borders' third line card for exchange hand-offs instead of leaf links. */
public final class ColoPodV3 extends ColoPodStandard {

    public ColoPodV3() {
        super(ColoPodRules.v3());
    }
}
