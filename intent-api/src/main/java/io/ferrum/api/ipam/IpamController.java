package io.ferrum.api.ipam;

import io.ferrum.model.ipam.Asn;
import io.ferrum.model.ipam.AsnPool;
import io.ferrum.model.ipam.AsnPoolRepository;
import io.ferrum.model.ipam.AsnService;
import io.ferrum.model.ipam.IpStatus;
import io.ferrum.model.ipam.PrefixService;
import io.ferrum.model.ipam.Vlan;
import io.ferrum.model.ipam.VlanRepository;
import io.ferrum.model.ipam.VlanService;
import io.ferrum.model.ipam.Vrf;
import io.ferrum.model.ipam.VrfRepository;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The small IPAM catalogues: VRFs, VLANs and ASN pools with their allocations. */
@RestController
@RequestMapping("/api/v1")
@Transactional
class IpamController {

    private final PrefixService prefixes;
    private final VrfRepository vrfs;
    private final VlanService vlanService;
    private final VlanRepository vlans;
    private final AsnService asnService;
    private final AsnPoolRepository pools;

    IpamController(PrefixService prefixes, VrfRepository vrfs, VlanService vlanService, VlanRepository vlans,
                   AsnService asnService, AsnPoolRepository pools) {
        this.prefixes = prefixes;
        this.vrfs = vrfs;
        this.vlanService = vlanService;
        this.vlans = vlans;
        this.asnService = asnService;
        this.pools = pools;
    }

    record VrfDraft(String name, String rd) {
    }

    record VrfView(long id, String name, String rd) {
        static VrfView of(Vrf v) {
            return new VrfView(v.getId(), v.getName(), v.getRd());
        }
    }

    record VlanDraft(String site, Integer vid, String name, IpStatus status) {
    }

    record VlanView(long id, String site, int vid, String name, IpStatus status) {
        static VlanView of(Vlan v) {
            return new VlanView(v.getId(), v.getSite() == null ? null : v.getSite().getCode(), v.getVid(), v.getName(),
                    v.getStatus());
        }
    }

    record AsnPoolDraft(String name, Long rangeStart, Long rangeEnd) {
    }

    record AsnPoolView(long id, String name, long rangeStart, long rangeEnd) {
        static AsnPoolView of(AsnPool p) {
            return new AsnPoolView(p.getId(), p.getName(), p.getRangeStart(), p.getRangeEnd());
        }
    }

    record AsnRequest(String allocationKey, String description) {
    }

    record AsnView(long id, String pool, long asn, String allocationKey, String description) {
        static AsnView of(Asn a) {
            return new AsnView(a.getId(), a.getPool().getName(), a.getAsn(), a.getAllocationKey(), a.getDescription());
        }
    }

    @GetMapping("/vrfs")
    @Transactional(readOnly = true)
    List<VrfView> vrfs() {
        return vrfs.findAll(Sort.by("name")).stream().map(VrfView::of).toList();
    }

    @PostMapping("/vrfs")
    @ResponseStatus(HttpStatus.CREATED)
    VrfView createVrf(@RequestBody VrfDraft draft) {
        return VrfView.of(prefixes.createVrf(draft.name(), draft.rd()));
    }

    @DeleteMapping("/vrfs/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteVrf(@PathVariable long id) {
        prefixes.deleteVrf(id);
    }

    @GetMapping("/vlans")
    @Transactional(readOnly = true)
    List<VlanView> vlans() {
        return vlans.findAll(Sort.by("vid")).stream().map(VlanView::of).toList();
    }

    @PostMapping("/vlans")
    @ResponseStatus(HttpStatus.CREATED)
    VlanView createVlan(@RequestBody VlanDraft draft) {
        return VlanView.of(vlanService.create(draft.site(), draft.vid(), draft.name(), draft.status()));
    }

    @DeleteMapping("/vlans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteVlan(@PathVariable long id) {
        vlanService.delete(id);
    }

    @GetMapping("/asn-pools")
    @Transactional(readOnly = true)
    List<AsnPoolView> pools() {
        return pools.findAll(Sort.by("name")).stream().map(AsnPoolView::of).toList();
    }

    @PostMapping("/asn-pools")
    @ResponseStatus(HttpStatus.CREATED)
    AsnPoolView createPool(@RequestBody AsnPoolDraft draft) {
        return AsnPoolView.of(asnService.createPool(draft.name(), draft.rangeStart(), draft.rangeEnd()));
    }

    @GetMapping("/asn-pools/{id}/asns")
    @Transactional(readOnly = true)
    List<AsnView> asns(@PathVariable long id) {
        return asnService.allocated(id).stream().map(AsnView::of).toList();
    }

    @PostMapping("/asn-pools/{id}/asns")
    @ResponseStatus(HttpStatus.CREATED)
    AsnView allocateAsn(@PathVariable long id, @RequestBody AsnRequest request) {
        return AsnView.of(asnService.next(id, request.allocationKey(), request.description()));
    }
}
