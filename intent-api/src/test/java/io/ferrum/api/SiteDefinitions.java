package io.ferrum.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The repository's small example under a fresh site code and address space, so tests sharing a database do not collide. */
final class SiteDefinitions {

    private static final AtomicInteger SITES = new AtomicInteger();

    private SiteDefinitions() {
    }

    static String example(String name) {
        try {
            return Files.readString(Path.of("..", "examples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {code, definition}. */
    static String[] freshSmallSite() {
        int n = SITES.incrementAndGet();
        String code = "api" + n;
        String definition = example("small-site.yaml")
                .replace("code: ams1", "code: " + code)
                .replace("10.0.0.0/23", "10." + (200 + n) + ".0.0/23")
                .replace("10.0.4.0/22", "10." + (200 + n) + ".4.0/22")
                .replace("10.255.0.0/24", "10." + (200 + n) + ".8.0/24")
                .replace("10.254.0.0/23", "10." + (200 + n) + ".10.0/23")
                .replace("10.16.0.0/16", "10." + (220 + n) + ".0.0/16")
                .replace("192.0.2.0/26", "172.20." + n + ".0/26")
                .replace("4200000000-4200000999", (4100000000L + n * 1000L) + "-" + (4100000999L + n * 1000L))
                .replace("XAMS-44", "A" + n + "-XAMS-44")
                .replace("WAN-AMS-", "A" + n + "-WAN-")
                .replaceAll("(SRV|LF|MG|BR|CS)(\\d{4})", "$1" + n + "a$2");
        return new String[] {code, definition};
    }
}
