package io.ferrum.provisioning.driver.ssh;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

import java.security.PublicKey;
import java.util.List;

/** Per-connection verifier: remembers a refused key so the failure can be reported as HOST_KEY_CHANGED. */
final class PinningVerifier implements HostKeyVerifier {

    private final HostKeyPins pins;
    private final String pinHost;
    private final int pinPort;
    private volatile String refusal;

    PinningVerifier(HostKeyPins pins, String pinHost, int pinPort) {
        this.pins = pins;
        this.pinHost = pinHost;
        this.pinPort = pinPort;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        HostKeyPins.Pin pin = pins.pinIfAbsent(HostKeyPins.Pin.of(pinHost, pinPort, key));
        if (pin.matches(key)) {
            return true;
        }
        refusal = "host key changed for " + pin.endpoint() + ": pinned " + pin.keyType() + " " + pin.fingerprint()
                + ", device now shows " + KeyType.fromKey(key) + " " + HostKeyPins.Pin.fingerprint(key)
                + " (possible impersonation; if the device was re-keyed on purpose, remove its pin)";
        return false;
    }

    /**
     * Steers key exchange to the pinned key type; without this a device offering both RSA and Ed25519 could be
     * negotiated on the other type and look like a changed key.
     */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return pins.pinned(pinHost, pinPort).map(p -> switch (p.keyType()) {
            case "ssh-rsa" -> List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
            default -> List.of(p.keyType());
        }).orElse(List.of());
    }

    String refusal() {
        return refusal;
    }
}
