package io.ferrum.model.ipam;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AsnPoolRepository extends JpaRepository<AsnPool, Long> {
    Optional<AsnPool> findByName(String name);

    /** Another pool whose range overlaps a wanted one, and the site its AS numbers were given to (if any yet). */
    interface Overlap {
        String getName();

        long getRangeStart();

        long getRangeEnd();

        /** The site named by its allocation keys ({@code ams1/ams1-r01-leaf01/asn}), or null while it gave none. */
        String getSite();
    }

    @Query(value = "SELECT p.name AS name, p.range_start AS rangeStart, p.range_end AS rangeEnd, "
            + "(SELECT min(split_part(a.allocation_key, '/', 1)) FROM asn a "
            + "WHERE a.pool_id = p.id AND strpos(a.allocation_key, '/') > 0) AS site "
            + "FROM asn_pool p WHERE p.name <> :name AND p.range_start <= :last AND p.range_end >= :first "
            + "ORDER BY p.range_start", nativeQuery = true)
    List<Overlap> findOverlapping(String name, long first, long last);
}
