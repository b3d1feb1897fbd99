package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.Tags;
import io.ferrum.model.dcim.DcimLookup;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prefixes and VRFs. Prefixes nest freely; the same prefix twice in one VRF is an overlap and refused, naming the
 * prefix already there.
 */
@Service
@Transactional
public class PrefixService {

    private final PrefixRepository prefixes;
    private final VrfRepository vrfs;
    private final IpAddressRepository addresses;
    private final IpamLookup lookup;
    private final DcimLookup dcim;

    public PrefixService(PrefixRepository prefixes, VrfRepository vrfs, IpAddressRepository addresses,
                         IpamLookup lookup, DcimLookup dcim) {
        this.prefixes = prefixes;
        this.vrfs = vrfs;
        this.addresses = addresses;
        this.lookup = lookup;
        this.dcim = dcim;
    }

    public Prefix create(PrefixDraft draft) {
        validate(draft);
        Vrf vrf = lookup.vrf(draft.vrf(), "vrf");
        Cidr cidr = lookup.cidr(draft.prefix(), "prefix");
        refuseDuplicate(vrf, cidr, null);
        Prefix prefix = new Prefix(vrf, cidr.toString(), draft.role());
        apply(prefix, draft);
        return prefixes.save(prefix);
    }

    /** Changes a prefix's attributes; its network and VRF are fixed, since addresses hang off them. */
    public Prefix update(long id, PrefixDraft draft) {
        Prefix prefix = get(id);
        validate(draft);
        Cidr cidr = lookup.cidr(draft.prefix(), "prefix");
        if (!cidr.toString().equals(prefix.cidr().toString()) || lookup.vrf(draft.vrf(), "vrf") != prefix.getVrf()) {
            throw IntentException.invalid("prefix", "a prefix's network and VRF cannot change; create a new prefix");
        }
        prefix.setRole(draft.role());
        apply(prefix, draft);
        return prefix;
    }

    public void delete(long id) {
        Prefix prefix = get(id);
        if (addresses.existsByPrefix(prefix)) {
            throw IntentException.conflict("id", "prefix " + prefix.displayName() + " still holds addresses");
        }
        prefixes.delete(prefix);
    }

    @Transactional(readOnly = true)
    public Prefix get(long id) {
        return prefixes.findById(id).orElseThrow(() -> IntentException.notFound("id", "no prefix with id " + id));
    }

    public Vrf createVrf(String name, String rd) {
        new Problems().check(name != null && !name.isBlank(), "name", "is required").throwIfAny();
        vrfs.findByName(name).ifPresent(existing -> {
            throw IntentException.conflict("name", "VRF " + name + " already exists");
        });
        return vrfs.save(new Vrf(name, rd));
    }

    public void deleteVrf(long id) {
        Vrf vrf = vrfs.findById(id).orElseThrow(() -> IntentException.notFound("id", "no VRF with id " + id));
        if (prefixes.existsByVrf(vrf)) {
            throw IntentException.conflict("id", "VRF " + vrf.getName() + " still holds prefixes");
        }
        vrfs.delete(vrf);
    }

    void refuseDuplicate(Vrf vrf, Cidr cidr, Long self) {
        prefixes.findExact(vrf == null ? null : vrf.getId(), cidr.toString())
                .filter(existing -> !existing.getId().equals(self))
                .ifPresent(existing -> {
                    throw IntentException.conflict("prefix", "prefix " + cidr + " overlaps prefix " + existing.getPrefix()
                            + " (id " + existing.getId() + ") already in " + IpamLookup.vrfName(vrf));
                });
    }

    private void apply(Prefix prefix, PrefixDraft draft) {
        prefix.setSite(draft.site() == null ? null : dcim.site(draft.site(), "site"));
        prefix.setStatus(draft.status() == null ? IpStatus.ACTIVE : draft.status());
        prefix.setDescription(draft.description());
        prefix.setTags(Tags.checked(draft.tags()));
    }

    private static void validate(PrefixDraft draft) {
        new Problems()
                .check(draft.prefix() != null && !draft.prefix().isBlank(), "prefix", "is required: expected CIDR such as 10.0.0.0/24")
                .check(draft.role() != null, "role", "is required")
                .throwIfAny();
    }
}
