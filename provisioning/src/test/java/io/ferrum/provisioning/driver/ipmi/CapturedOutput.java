package io.ferrum.provisioning.driver.ipmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What ipmitool printed in one real run, from {@code ipmi/captured/} (its README says how each was made). */
final class CapturedOutput {

    private CapturedOutput() {
    }

    static String read(String name) {
        try (InputStream in = CapturedOutput.class.getResourceAsStream("/ipmi/captured/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no captured output ipmi/captured/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
