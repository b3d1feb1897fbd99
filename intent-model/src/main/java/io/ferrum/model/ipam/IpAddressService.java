package io.ferrum.model.ipam;

import inet.ipaddr.IPAddress;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.Tags;
import io.ferrum.model.dcim.DcimLookup;
import io.ferrum.model.dcim.Port;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Addresses: each lies inside its prefix, is unique in its VRF, and may be assigned to a port. */
@Service
@Transactional
public class IpAddressService {

    private final IpAddressRepository addresses;
    private final PrefixRepository prefixes;
    private final IpamLookup lookup;
    private final DcimLookup dcim;

    public IpAddressService(IpAddressRepository addresses, PrefixRepository prefixes, IpamLookup lookup,
                            DcimLookup dcim) {
        this.addresses = addresses;
        this.prefixes = prefixes;
        this.lookup = lookup;
        this.dcim = dcim;
    }

    public IpAddress create(IpAddressDraft draft) {
        new Problems().check(draft.address() != null && !draft.address().isBlank(), "address",
                "is required: expected an address such as 10.0.0.5/24").throwIfAny();
        Vrf vrf = lookup.vrf(draft.vrf(), "vrf");
        IPAddress host;
        try {
            host = Cidr.parseHost(draft.address());
        } catch (IllegalArgumentException e) {
            throw IntentException.invalid("address", e.getMessage());
        }
        Long vrfId = vrf == null ? null : vrf.getId();
        Prefix prefix = draft.prefix() != null ? lookup.prefix(vrf, draft.prefix(), "prefix")
                : prefixes.findMostSpecificContaining(vrfId, host.withoutPrefixLength().toCanonicalString())
                        .orElseThrow(() -> IntentException.invalid("address", "no prefix in " + IpamLookup.vrfName(vrf)
                                + " contains " + host.withoutPrefixLength().toCanonicalString() + "; create the prefix first"));
        Cidr cidr = prefix.cidr();
        if (!cidr.containsHost(host)) {
            throw IntentException.invalid("address", host.withoutPrefixLength().toCanonicalString()
                    + " is outside its prefix " + cidr);
        }
        Integer mask = host.getNetworkPrefixLength();
        if (mask != null && mask < cidr.prefixLength()) {
            throw IntentException.invalid("address", "mask /" + mask + " is shorter than its prefix " + cidr);
        }
        String text = host.withoutPrefixLength().toCanonicalString() + "/" + (mask == null ? cidr.prefixLength() : mask);
        addresses.findHost(vrfId, text).ifPresent(existing -> {
            throw IntentException.conflict("address", existing.host() + " is already taken in "
                    + IpamLookup.vrfName(vrf) + " (id " + existing.getId() + ")");
        });
        IpAddress address = new IpAddress(prefix, text);
        apply(address, draft);
        return addresses.save(address);
    }

    /** Changes an address's assignment and attributes; the address itself is fixed. */
    public IpAddress update(long id, IpAddressDraft draft) {
        IpAddress address = get(id);
        if (draft.address() != null && !Cidr.parseHost(draft.address()).withoutPrefixLength().toCanonicalString()
                .equals(address.host())) {
            throw IntentException.invalid("address", "an address cannot change; create a new one");
        }
        apply(address, draft);
        return address;
    }

    /** Assigns an address to a device's port (both null: unassigned) under a DNS name; nothing else changes. */
    public IpAddress assign(long id, String device, String port, String dnsName) {
        IpAddress address = get(id);
        address.setPort(device == null && port == null ? null : dcim.port(device, port, "assignment"));
        address.setDnsName(dnsName);
        return address;
    }

    public void delete(long id) {
        IpAddress address = get(id);
        addresses.delete(address);
    }

    /** Makes the address its device's primary management address; it must be assigned to one of its ports. */
    public IpAddress makePrimary(long id) {
        IpAddress address = get(id);
        if (address.getPort() == null) {
            throw IntentException.invalid("port", address.getAddress() + " is not assigned to a port");
        }
        address.getPort().getDevice().setPrimaryIpId(address.getId());
        return address;
    }

    @Transactional(readOnly = true)
    public IpAddress get(long id) {
        return addresses.findById(id).orElseThrow(() -> IntentException.notFound("id", "no IP address with id " + id));
    }

    void apply(IpAddress address, IpAddressDraft draft) {
        Port port = null;
        if (draft.device() != null || draft.port() != null) {
            port = dcim.port(draft.device(), draft.port(), "assignment");
        }
        address.setPort(port);
        address.setDnsName(draft.dnsName());
        address.setStatus(draft.status() == null ? IpStatus.ACTIVE : draft.status());
        address.setDescription(draft.description());
        address.setTags(Tags.checked(draft.tags()));
    }
}
