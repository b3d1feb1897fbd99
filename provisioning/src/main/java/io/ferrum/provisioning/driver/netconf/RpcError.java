package io.ferrum.provisioning.driver.netconf;

/** One {@code <rpc-error>} as the device reported it (RFC 6241 section 4.3); absent fields are empty strings. */
public record RpcError(String type, String tag, String severity, String appTag, String path, String message) {

    public boolean isError() {
        return !"warning".equals(severity);
    }

    @Override
    public String toString() {
        return type + "/" + tag + (appTag.isEmpty() ? "" : "/" + appTag)
                + (path.isEmpty() ? "" : " at " + path) + (message.isEmpty() ? "" : ": " + message);
    }
}
