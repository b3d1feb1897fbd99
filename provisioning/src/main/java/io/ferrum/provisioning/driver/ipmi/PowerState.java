package io.ferrum.provisioning.driver.ipmi;

/** Chassis power as the BMC reports it ({@code chassis power status}). */
public enum PowerState {
    ON, OFF
}
