package io.ferrum.model.dcim;

/**
 * Features outside the physical model that point at a device's ports (IP addresses) let go of them before the device
 * is deleted. They do it through the model rather than a database cascade, so every object they change gets its
 * change-log entry and a new version. Each such feature implements this, so the physical model need not know them.
 */
public interface DeviceDeletion {

    /** Called in the deleting transaction, before {@code device} and its ports are removed. */
    void beforeDelete(Device device);
}
