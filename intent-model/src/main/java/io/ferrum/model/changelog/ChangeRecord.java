package io.ferrum.model.changelog;

import java.util.Map;

/**
 * One mutation waiting to be written to the change log with its transaction.
 *
 * @param intent whether it is a write of an intent object (announced as {@link IntentChanged}) or a record of
 *               something else, such as a user, that only the log keeps
 */
record ChangeRecord(String actor, String requestId, String serverRequestId, String action, String objectType,
                    long objectId, Map<String, Object> before, Map<String, Object> after, boolean intent) {

    static ChangeRecord of(ChangeContext.Actor actor, String action, String objectType, long objectId,
                           Map<String, Object> before, Map<String, Object> after, boolean intent) {
        return new ChangeRecord(actor.name(), actor.requestId(), actor.serverRequestId(), action, objectType, objectId,
                before, after, intent);
    }
}
