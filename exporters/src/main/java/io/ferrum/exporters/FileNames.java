package io.ferrum.exporters;

import io.ferrum.model.inventory.SiteInventory;
import java.util.Locale;

/** Download names: {@code <site>-<what>.<ext>}, restricted to characters every file system and header accepts. */
public final class FileNames {

    private FileNames() {
    }

    public static String of(SiteInventory inventory, String what, String extension) {
        return safe(inventory.site().code()) + "-" + safe(what) + "." + extension;
    }

    static String safe(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return lower.replaceAll("^-+|-+$", "");
    }
}
