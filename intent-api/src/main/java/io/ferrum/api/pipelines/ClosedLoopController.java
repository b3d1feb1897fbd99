package io.ferrum.api.pipelines;

import io.ferrum.model.common.IntentException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/closed-loop/{site}}: whether applied plans push the configs they change (opt-in per site). */
@RestController
@RequestMapping("/api/v1/closed-loop")
class ClosedLoopController {

    private final ClosedLoop loop;

    ClosedLoopController(ClosedLoop loop) {
        this.loop = loop;
    }

    /** How the loop's runs reach the site's devices; both optional. */
    record Settings(String channel, Integer concurrency) {
    }

    @GetMapping
    Map<String, List<ClosedLoop.Policy>> list() {
        return Map.of("items", loop.list());
    }

    @GetMapping("/{site}")
    ClosedLoop.Policy get(@PathVariable String site) {
        return loop.find(site).orElseThrow(() -> IntentException.notFound("site", "site " + site
                + " is not in the closed loop"));
    }

    @PutMapping("/{site}")
    ClosedLoop.Policy enable(@PathVariable String site, @RequestBody(required = false) Settings settings,
                             Principal principal) {
        Settings given = settings == null ? new Settings(null, null) : settings;
        return loop.enable(site, given.channel(), given.concurrency(), principal.getName());
    }

    @DeleteMapping("/{site}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable String site, Principal principal) {
        if (!loop.disable(site, principal.getName())) {
            throw IntentException.notFound("site", "site " + site + " is not in the closed loop");
        }
    }
}
