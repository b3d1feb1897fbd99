package io.ferrum.api.render;

import io.ferrum.standards.render.RenderTarget;
import io.ferrum.standards.render.RenderedConfig;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/devices/{id}/config?target=shell|netconf}: the config a pipeline would push to the device,
 * rendered from intent now. The template and standard are in headers; the ETag is the config's SHA-256.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceConfigController {

    private final DeviceConfigs configs;

    DeviceConfigController(DeviceConfigs configs) {
        this.configs = configs;
    }

    @GetMapping("/{id}/config")
    ResponseEntity<String> config(@PathVariable long id, @RequestParam(defaultValue = "shell") String target) {
        RenderedConfig config = configs.render(id, target(target));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(config.target().contentType()))
                .eTag("\"" + config.sha256() + "\"")
                .header("X-Ferrum-Standard", config.standard())
                .header("X-Ferrum-Template", config.template())
                .body(config.text());
    }

    static RenderTarget target(String wire) {
        try {
            return RenderTarget.of(wire);
        } catch (IllegalArgumentException e) {
            throw io.ferrum.model.common.IntentException.invalid("target", e.getMessage());
        }
    }
}
