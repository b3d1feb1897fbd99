package io.ferrum.model.common;

import java.util.Set;
import java.util.stream.Collectors;

/** The one refusal of a lifecycle move its status does not allow, worded the same for every kind of object. */
public final class StatusTransitions {

    private StatusTransitions() {
    }

    /**
     * @param object what moves, as a person names it ({@code device ams1-r01-leaf01})
     * @throws IntentException a conflict on {@code status} naming where the object may go instead
     */
    public static <E extends Enum<E> & WireValue> void check(String object, E from, E to, Set<E> allowed) {
        if (from == to || allowed.contains(to)) {
            return;
        }
        String options = allowed.isEmpty() ? "nowhere: it is final"
                : allowed.stream().map(WireValue::wire).sorted().collect(Collectors.joining(", "));
        throw IntentException.conflict("status", object + " is " + from.wire() + "; it can move to " + options
                + ", not to " + to.wire());
    }
}
