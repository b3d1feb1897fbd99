package io.ferrum.model.changelog;

import java.util.Map;

/** One mutation waiting to be written to the change log with its transaction. */
record ChangeRecord(String actor, String requestId, String action, String objectType, long objectId,
                    Map<String, Object> before, Map<String, Object> after) {
}
