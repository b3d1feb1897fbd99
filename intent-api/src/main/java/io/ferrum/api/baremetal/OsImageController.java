package io.ferrum.api.baremetal;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.baremetal.OsImage;
import io.ferrum.provisioning.baremetal.OsImageCatalogue;
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
 * The OS image catalogue over REST, uploaded like firmware: the bytes are the request body, the query says
 * {@code name}, {@code version}, {@code format} ({@code raw} or {@code gzip}) and {@code sha256}; a mismatch stores
 * nothing (422).
 */
@RestController
@RequestMapping("/api/v1/os-images")
class OsImageController {

    private final OsImageCatalogue catalogue;

    OsImageController(OsImageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<OsImage> upload(@RequestParam(required = false) String name,
                                   @RequestParam(required = false) String version,
                                   @RequestParam(required = false) String format,
                                   @RequestParam(required = false) String sha256,
                                   HttpServletRequest request, Principal principal) throws IOException {
        try (InputStream body = request.getInputStream()) {
            OsImage image = catalogue.add(new OsImageCatalogue.Upload(name, version, format, sha256), body,
                    principal.getName());
            return ResponseEntity.created(URI.create("/api/v1/os-images/" + image.id())).body(image);
        }
    }

    @GetMapping
    List<OsImage> list() {
        return catalogue.list();
    }

    @GetMapping("/{id}")
    OsImage get(@PathVariable long id) {
        return catalogue.find(id).orElseThrow(() -> IntentException.notFound("id", "no OS image " + id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        catalogue.delete(id);
    }
}
