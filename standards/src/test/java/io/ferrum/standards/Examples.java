package io.ferrum.standards;

import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.definition.SiteDefinitionParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's examples/ directory, which tests treat as documentation that must keep working. */
public final class Examples {

    public static final Path DIR = Path.of("..", "examples");

    private Examples() {
    }

    public static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SiteDefinition parse(String name) {
        return new SiteDefinitionParser().parse(name, text(name));
    }
}
