package io.ferrum.provisioning.driver.netconf;

public enum Datastore {
    RUNNING, CANDIDATE, STARTUP;

    String element() {
        return "<" + name().toLowerCase(java.util.Locale.ROOT) + "/>";
    }
}
