package io.ferrum.model.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class AsnPoolsTest {

    @Autowired
    AsnService asns;

    /** Issue 13: pools may overlap (made by hand); the second used to pick a taken number and fail on asn_asn_key. */
    @Test
    void anAsNumberAnOverlappingPoolGaveOutIsSkipped() {
        AsnPool first = asns.createPool("overlap-first", 4_260_000_000L, 4_260_000_009L);
        AsnPool second = asns.createPool("overlap-second", 4_260_000_000L, 4_260_000_009L);
        assertThat(asns.next(first.getId(), "overlap-first/a", null).getAsn()).isEqualTo(4_260_000_000L);
        assertThat(asns.nextAll(second.getId(), List.of(new AsnService.AsnRequest("overlap-second/a", null),
                new AsnService.AsnRequest("overlap-second/b", null))))
                .extracting(Asn::getAsn).containsExactly(4_260_000_001L, 4_260_000_002L);
        assertThat(asns.next(first.getId(), "overlap-first/b", null).getAsn()).isEqualTo(4_260_000_003L);
    }
}
