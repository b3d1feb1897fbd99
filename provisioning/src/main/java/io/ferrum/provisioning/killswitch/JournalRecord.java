package io.ferrum.provisioning.killswitch;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the kill switch's journal: an engage or release started, a link's outcome, an engage finished.
 *
 * @param id         unique per record: the key that makes copying into PostgreSQL exactly-once
 * @param engagement the engage (or release) it belongs to
 * @param kind       {@code engage-started}, {@code link}, {@code engage-finished}, {@code release-started} …
 */
public record JournalRecord(String id, String engagement, Instant at, String kind, String actor,
                            Map<String, Object> detail) {
}
