package io.ferrum.standards.builtin;

/** colo-pod@4: v3 with each network device's software platform, for per-platform firmware and templates. */
public final class ColoPodV4 extends ColoPodStandard {

    public ColoPodV4() {
        super(ColoPodRules.v4());
    }
}
