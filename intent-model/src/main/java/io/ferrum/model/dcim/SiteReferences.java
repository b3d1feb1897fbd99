package io.ferrum.model.dcim;

import java.util.List;

/**
 * Objects outside the physical model that refer to a site and so keep it from being deleted: IP space, VLANs,
 * exchange connections. Each feature that refers to sites implements this, so the physical model need not know
 * them (and the packages stay free of cycles).
 */
public interface SiteReferences {

    /** What still refers to {@code site}, as a person names it ({@code prefix 10.0.0.0/23}); empty when nothing. */
    List<String> referencesTo(Site site);
}
