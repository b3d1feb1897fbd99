package io.ferrum.model.ipam;

import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceDeletion;
import org.springframework.stereotype.Component;

/** A deleted device's addresses stay in IPAM, unbound: each is an update in the change log with a new version. */
@Component
class IpamDeviceDeletion implements DeviceDeletion {

    private final IpAddressRepository addresses;

    IpamDeviceDeletion(IpAddressRepository addresses) {
        this.addresses = addresses;
    }

    @Override
    public void beforeDelete(Device device) {
        addresses.findByPortDevice(device).forEach(address -> address.setPort(null));
    }
}
