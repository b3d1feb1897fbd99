package io.ferrum.provisioning.driver.netconf;

/** edit-config default-operation: MERGE adds to what is there, REPLACE makes the datastore equal to the payload. */
public enum DefaultOperation {
    MERGE, REPLACE, NONE;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
