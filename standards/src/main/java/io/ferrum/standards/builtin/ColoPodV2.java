package io.ferrum.standards.builtin;

/** colo-pod@2: v1 plus a console server in every rack, and orange B-side server cables. */
public final class ColoPodV2 extends ColoPodStandard {

    public ColoPodV2() {
        super(ColoPodRules.v2());
    }
}
