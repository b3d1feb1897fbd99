package io.ferrum.api.exports;

import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Build sheets and inventory files of a site, e.g. {@code GET /api/v1/sites/ams1/exports/build-pack-pdf}. */
@RestController
@RequestMapping("/api/v1")
class ExportController {

    private final SiteExports exports;

    ExportController(SiteExports exports) {
        this.exports = exports;
    }

    @GetMapping("/exports")
    List<String> kinds() {
        return exports.kinds();
    }

    @GetMapping("/sites/{code}/exports/{kind}")
    ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable String kind,
                                  @RequestParam Map<String, String> options) {
        SiteExports.Rendered rendered = exports.render(code, kind, options);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendered.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(rendered.fileName()).build().toString())
                .body(rendered.body());
    }
}
