package io.ferrum.provisioning.secrets;

/**
 * Which devices a credential is for: one device, or a site's devices of one role, or a site, or (all null) every
 * device. The most specific stored credential of a kind wins.
 */
public record CredentialScope(String site, String role, String device) {

    public static final CredentialScope EVERYWHERE = new CredentialScope(null, null, null);

    /** Higher is more specific: device, then site and role, then site, then role, then everywhere. */
    int specificity() {
        return (device != null ? 8 : 0) + (site != null ? 4 : 0) + (role != null ? 2 : 0);
    }

    boolean covers(String hostname, String deviceSite, String deviceRole) {
        return (device == null || device.equals(hostname)) && (site == null || site.equals(deviceSite))
                && (role == null || role.equals(deviceRole));
    }
}
