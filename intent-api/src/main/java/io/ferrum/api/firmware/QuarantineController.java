package io.ferrum.api.firmware;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.firmware.QuarantinedDevices;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Devices held back from firmware runs after an image did not verify; releasing one includes it again. */
@RestController
@RequestMapping("/api/v1/firmware-quarantine")
class QuarantineController {

    private final QuarantinedDevices quarantine;

    QuarantineController(QuarantinedDevices quarantine) {
        this.quarantine = quarantine;
    }

    @GetMapping
    List<QuarantinedDevices.Entry> list() {
        return quarantine.list();
    }

    @DeleteMapping("/{device}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable String device) {
        if (!quarantine.release(device)) {
            throw IntentException.notFound("device", "device " + device + " is not quarantined");
        }
    }
}
