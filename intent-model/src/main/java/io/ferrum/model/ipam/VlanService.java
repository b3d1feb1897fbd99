package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.dcim.DcimLookup;
import io.ferrum.model.dcim.Site;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** VLANs, unique by VID within a site. */
@Service
@Transactional
public class VlanService {

    private final VlanRepository vlans;
    private final DcimLookup dcim;

    public VlanService(VlanRepository vlans, DcimLookup dcim) {
        this.vlans = vlans;
        this.dcim = dcim;
    }

    public Vlan create(String siteCode, Integer vid, String name, IpStatus status) {
        new Problems().check(vid != null && vid >= 1 && vid <= 4094, "vid", "expected a VLAN id from 1 to 4094")
                .check(name != null && !name.isBlank(), "name", "is required").throwIfAny();
        Site site = siteCode == null ? null : dcim.site(siteCode, "site");
        boolean taken = site == null ? vlans.existsBySiteIsNullAndVid(vid) : vlans.existsBySiteAndVid(site, vid);
        if (taken) {
            throw IntentException.conflict("vid", "VLAN " + vid + " already exists in "
                    + (site == null ? "the global scope" : "site " + site.getCode()));
        }
        Vlan vlan = new Vlan(site, vid, name);
        vlan.setStatus(status == null ? IpStatus.ACTIVE : status);
        return vlans.save(vlan);
    }

    public void delete(long id) {
        vlans.delete(vlans.findById(id).orElseThrow(() -> IntentException.notFound("id", "no VLAN with id " + id)));
    }
}
