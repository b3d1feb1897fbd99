package io.ferrum.standards.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a standard's config templates live and which one a device gets. Templates ship on the classpath with the
 * standard under {@code templates/<name>@<version>/} (this version only) and {@code templates/<name>/} (every
 * version), so a version bump can replace one template and keep the rest. For a device the first that exists wins:
 * <ol>
 *   <li>{@code <target>/<platform>/<role>.j2}, then {@code <target>/<platform>/device.j2} (when the device has a
 *       platform)</li>
 *   <li>{@code <target>/<role>.j2}, then {@code <target>/device.j2}</li>
 * </ol>
 * each looked up in the versioned directory before the shared one.
 */
public final class ConfigTemplates {

    private final String name;
    private final int version;
    private final ClassLoader loader;
    /** Templates on the class path never change while it runs: each lookup reads them once. */
    private final java.util.Map<String, Optional<Template>> found = new java.util.concurrent.ConcurrentHashMap<>();

    public ConfigTemplates(String name, int version, ClassLoader loader) {
        this.name = name;
        this.version = version;
        this.loader = loader;
    }

    /** A template's path and text. */
    public record Template(String path, String text) {
    }

    public String standard() {
        return name + "@" + version;
    }

    /** Candidate paths, most specific first. */
    List<String> candidates(RenderTarget target, String platform, String role) {
        List<String> files = new ArrayList<>();
        if (platform != null && !platform.isBlank()) {
            files.add(target.wire() + "/" + platform + "/" + role + ".j2");
            files.add(target.wire() + "/" + platform + "/device.j2");
        }
        files.add(target.wire() + "/" + role + ".j2");
        files.add(target.wire() + "/device.j2");
        List<String> paths = new ArrayList<>();
        for (String file : files) {
            paths.add("templates/" + standard() + "/" + file);
            paths.add("templates/" + name + "/" + file);
        }
        return paths;
    }

    public Optional<Template> find(RenderTarget target, String platform, String role) {
        return found.computeIfAbsent(target.wire() + "/" + platform + "/" + role, k -> lookUp(target, platform, role));
    }

    private Optional<Template> lookUp(RenderTarget target, String platform, String role) {
        for (String path : candidates(target, platform, role)) {
            Optional<String> text = read(path);
            if (text.isPresent()) {
                return Optional.of(new Template(path, text.get()));
            }
        }
        return Optional.empty();
    }

    /** A template by path, for {@code {% include %}}: relative to this standard's directories. */
    public Optional<String> include(String relative) {
        Optional<String> versioned = read("templates/" + standard() + "/" + relative);
        return versioned.isPresent() ? versioned : read("templates/" + name + "/" + relative);
    }

    private Optional<String> read(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }
}
