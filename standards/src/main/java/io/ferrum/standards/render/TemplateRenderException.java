package io.ferrum.standards.render;

/**
 * A template that could not render a device's config, located: which template, which line, which device, and what
 * went wrong (an unknown variable, a syntax error, a missing template).
 */
public class TemplateRenderException extends RuntimeException {

    private final String template;
    private final int line;
    private final String device;

    public TemplateRenderException(String template, int line, String device, String problem) {
        super(template + (line > 0 ? ":" + line : "") + ": " + problem + " (rendering " + device + ")");
        this.template = template;
        this.line = line;
        this.device = device;
    }

    public String template() {
        return template;
    }

    /** 1-based, or 0 when the problem has no line (e.g. no template for the device). */
    public int line() {
        return line;
    }

    public String device() {
        return device;
    }
}
