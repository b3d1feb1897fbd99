package io.ferrum.assurance.collect;

import io.ferrum.assurance.observe.ObservationSnapshots;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes observed snapshots older than {@code snapshot-retention}, hourly; each device's latest always stays. */
@Component
class SnapshotRetention {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

    private final ObservationSnapshots snapshots;
    private final CollectorProperties properties;

    SnapshotRetention(ObservationSnapshots snapshots, CollectorProperties properties) {
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ferrum.assurance.collector.prune-every:1h}", initialDelayString = "1m")
    void prune() {
        int pruned = snapshots.prune(Instant.now().minus(properties.snapshotRetention()));
        if (pruned > 0) {
            log.info("Deleted {} observed snapshots last seen more than {} ago", pruned,
                    properties.snapshotRetention());
        }
    }
}
