package io.ferrum.api.baremetal;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.baremetal.AgentCallbacks;
import io.ferrum.provisioning.baremetal.ProvisionState;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What network-booting servers fetch, without a login (the machines have none): {@code /boot/ipxe} (the chain
 * script DHCP names, then the per-MAC script), {@code /boot/agent/*} (the deploy agent's kernel and initramfs),
 * {@code /boot/images/{id}?token=} (an image, for the agent holding a token of a deploy of it),
 * {@code /boot/report} (the installed OS says which image it booted), and the agent's calls under
 * {@code /api/v1/agent} with its one-time bearer token. Answers are plain text: busybox reads them.
 */
@RestController
class BootController {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain; charset=utf-8");
    private static final Set<String> AGENT_FILES = Set.of("vmlinuz", "initrd.img");

    private final AgentCallbacks callbacks;
    private final BareMetalProperties properties;
    private final Path agentDir;

    BootController(AgentCallbacks callbacks, BareMetalProperties properties, Path bareMetalAgentDir) {
        this.callbacks = callbacks;
        this.properties = properties;
        this.agentDir = bareMetalAgentDir;
    }

    @GetMapping("/boot/ipxe")
    ResponseEntity<String> ipxe(@RequestParam(required = false) String mac, HttpServletRequest request) {
        String base = base(request);
        String script = mac == null ? io.ferrum.provisioning.baremetal.BootScripts.chain(base)
                : callbacks.ipxe(mac, base);
        return ResponseEntity.ok().contentType(TEXT).body(script);
    }

    @GetMapping("/boot/agent/{file}")
    ResponseEntity<Resource> agent(@PathVariable String file) {
        Path path = agentDir.resolve(file);
        if (!AGENT_FILES.contains(file) || !Files.isReadable(path)) {
            throw IntentException.notFound("file", AGENT_FILES.contains(file) ? "this node has no " + file + " in "
                    + agentDir + " (build it with deploy/lab/baremetal/build-agent, or set ferrum.baremetal.agent-dir)"
                    : "expected vmlinuz or initrd.img");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(new FileSystemResource(path));
    }

    @GetMapping("/boot/images/{id}")
    ResponseEntity<Resource> image(@PathVariable long id, @RequestParam(required = false) String token) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(callbacks.imageFile(id, token)));
    }

    @PostMapping(value = "/boot/report", produces = "text/plain")
    ResponseEntity<String> report(@RequestParam(required = false) String mac,
                                  @RequestParam(required = false) String image) {
        ProvisionState state = callbacks.report(mac, image);
        return ResponseEntity.ok().contentType(TEXT).body("state=" + state.wire() + "\n");
    }

    @GetMapping("/api/v1/agent/deploy")
    ResponseEntity<String> deploy(@RequestHeader(value = "Authorization", required = false) String authorization,
                                  HttpServletRequest request) {
        return ResponseEntity.ok().contentType(TEXT).body(callbacks.deploy(token(authorization), base(request)).text());
    }

    @PostMapping(value = "/api/v1/agent/progress", produces = "text/plain")
    ResponseEntity<String> progress(@RequestHeader(value = "Authorization", required = false) String authorization,
                                    @RequestParam(required = false) Long bytes) {
        callbacks.progress(token(authorization), bytes == null ? -1 : bytes);
        return ResponseEntity.ok().contentType(TEXT).body("ok\n");
    }

    @PostMapping(value = "/api/v1/agent/result", produces = "text/plain")
    ResponseEntity<String> result(@RequestHeader(value = "Authorization", required = false) String authorization,
                                  @RequestParam Map<String, String> form) {
        Long bytes = null;
        try {
            bytes = form.get("bytes") == null ? null : Long.valueOf(form.get("bytes"));
        } catch (NumberFormatException e) {
            throw IntentException.invalid("bytes", "expected a count of bytes");
        }
        ProvisionState state = callbacks.result(token(authorization), form.get("status"), form.get("reason"),
                form.get("detail"), form.get("sha256"), bytes);
        return ResponseEntity.ok().contentType(TEXT).body("state=" + state.wire() + "\n");
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw IntentException.notFound("token", "expected Authorization: Bearer <the agent's one-time token>");
        }
        return authorization.substring("Bearer ".length()).trim();
    }

    /** Where servers reach this node: the configured boot URL, else the URL this request came to. */
    private String base(HttpServletRequest request) {
        if (properties.bootUrl() != null) {
            return properties.bootUrl();
        }
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }
}
