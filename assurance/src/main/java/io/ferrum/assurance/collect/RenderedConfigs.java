package io.ferrum.assurance.collect;

import java.util.Map;

/**
 * The configs a site's devices should run, as the provisioning pipeline pushes them through the device shell.
 * Assurance does not know standards or templates; the application wires this to the renderer.
 */
public interface RenderedConfigs {

    /** Rendered config by hostname; devices without one (no template, a render error) are left out. */
    Map<String, String> forSite(String siteCode);

    /** No rendered configs: the config check is skipped. */
    RenderedConfigs NONE = site -> Map.of();
}
