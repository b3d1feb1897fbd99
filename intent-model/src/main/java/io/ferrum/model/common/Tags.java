package io.ferrum.model.common;

import java.util.ArrayList;
import java.util.List;

/** An object's tags as the model stores them: no list means none; a null or blank tag is refused by position. */
public final class Tags {

    private Tags() {
    }

    /** @throws IntentException naming {@code tags[i]} for every null or blank tag */
    public static List<String> checked(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null || tags.get(i).isBlank()) {
                problems.add(new FieldProblem("tags[" + i + "]", "expected a tag such as team:ops, found "
                        + (tags.get(i) == null ? "null" : "a blank")));
            }
        }
        if (!problems.isEmpty()) {
            throw new IntentException(IntentException.Reason.INVALID, problems);
        }
        return tags;
    }
}
