package io.ferrum.standards.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.ResourceLocator;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Renders a device's config from its standard's Jinja2 templates (Jinjava) and the device's intent
 * ({@link DeviceContext}). Strict, because a silently empty value in a switch config is an outage: an unknown
 * variable or filter is an error, and every error is reported with its template, line and device.
 */
public final class ConfigRenderer {

    private final ConfigTemplates templates;
    private final Jinjava jinjava;

    public ConfigRenderer(ConfigTemplates templates) {
        this.templates = templates;
        // No trim_blocks: Jinjava then reports lines one too low; templates use {% ... -%} instead.
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());
        jinjava.setResourceLocator(new StandardLocator(templates));
    }

    /** The renderer of a standard's own templates (versioned with it). */
    public static ConfigRenderer of(io.ferrum.standards.spi.Standard standard) {
        return new ConfigRenderer(new ConfigTemplates(standard.name(), standard.version(),
                standard.getClass().getClassLoader()));
    }

    public String standard() {
        return templates.standard();
    }

    /** @throws TemplateRenderException with the template, line and device when the config cannot be rendered */
    public RenderedConfig render(SiteInventory inventory, DeviceInfo device, RenderTarget target) {
        return render(new DeviceContext(inventory), device, target);
    }

    /** One device with a site index built earlier (rendering many devices of one site indexes it once). */
    public RenderedConfig render(DeviceContext contexts, DeviceInfo device, RenderTarget target) {
        ConfigTemplates.Template template = templates.find(target, device.platform(), device.role().wire())
                .orElseThrow(() -> new TemplateRenderException("templates/" + templates.standard() + "/"
                        + target.wire(), 0, device.hostname(), "no " + target.wire() + " template for role "
                        + device.role().wire() + (device.platform() == null ? "" : " on platform "
                        + device.platform()) + "; tried " + String.join(", ",
                        templates.candidates(target, device.platform(), device.role().wire()))));
        Map<String, Object> context = contexts.of(device, templates.standard());
        RenderResult result;
        try {
            result = jinjava.renderForResult(template.text(), context);
        } catch (RuntimeException e) {
            // Jinjava throws for some syntax errors instead of reporting them in the result.
            throw new TemplateRenderException(template.path(), lineOf(e), device.hostname(), e.getMessage());
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                String source = error.getSourceTemplate().orElse(template.path());
                throw new TemplateRenderException(source, Math.max(error.getLineno(), 0), device.hostname(),
                        error.getMessage());
            }
        }
        return new RenderedConfig(device.hostname(), target, templates.standard(), template.path(),
                result.getOutput());
    }

    private static int lineOf(RuntimeException e) {
        if (e instanceof com.hubspot.jinjava.interpret.TemplateSyntaxException syntax) {
            return syntax.getLineNumber();
        }
        if (e instanceof com.hubspot.jinjava.interpret.InterpretException interpret) {
            return interpret.getLineNumber();
        }
        return 0;
    }

    /** {@code {% include "shell/_bgp.j2" %}} finds templates of the same standard, never files on disk. */
    private record StandardLocator(ConfigTemplates templates) implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
            return templates.include(fullName).orElseThrow(() -> new com.hubspot.jinjava.loader.ResourceNotFoundException(
                    "no template " + fullName + " in " + templates.standard()));
        }
    }
}
