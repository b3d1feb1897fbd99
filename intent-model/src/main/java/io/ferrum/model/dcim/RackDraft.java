package io.ferrum.model.dcim;

import java.util.List;

/** What a caller asks a rack to be; the site and location are named by code and name. */
public record RackDraft(String site, String location, String name, Integer heightU, Integer powerBudgetW,
                        String profile, List<String> tags) {
}
