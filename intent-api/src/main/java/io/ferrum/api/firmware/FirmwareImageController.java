package io.ferrum.api.firmware;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.firmware.FirmwareCatalogue;
import io.ferrum.provisioning.firmware.FirmwareImage;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The firmware catalogue over REST. An upload streams the image as the request body (no multipart, so multi-GB
 * images never sit in memory) and says what it is in the query: {@code name}, {@code platform}, {@code version},
 * {@code sha256}; the bytes are hashed on the way in and refused (422, nothing stored) if they differ.
 */
@RestController
@RequestMapping("/api/v1/firmware-images")
class FirmwareImageController {

    private final FirmwareCatalogue catalogue;

    FirmwareImageController(FirmwareCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<FirmwareImage> upload(@RequestParam(required = false) String name,
                                         @RequestParam(required = false) String platform,
                                         @RequestParam(required = false) String version,
                                         @RequestParam(required = false) String sha256,
                                         HttpServletRequest request, Principal principal) throws IOException {
        try (InputStream body = request.getInputStream()) {
            FirmwareImage image = catalogue.add(new FirmwareCatalogue.Upload(name, platform, version, sha256), body,
                    principal.getName());
            return ResponseEntity.created(URI.create("/api/v1/firmware-images/" + image.id())).body(image);
        }
    }

    @GetMapping
    List<FirmwareImage> list(@RequestParam(required = false) String platform) {
        return catalogue.list(platform);
    }

    @GetMapping("/{id}")
    FirmwareImage get(@PathVariable long id) {
        return catalogue.find(id).orElseThrow(() -> IntentException.notFound("id", "no firmware image " + id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        catalogue.delete(id);
    }
}
