package io.ferrum.provisioning.driver.ssh;

/**
 * @param resumedFrom bytes already on the device from an earlier interrupted attempt (0 for a fresh upload)
 * @param sha256      lower-case hex digest, identical on both sides (the upload fails otherwise)
 */
public record UploadResult(String remotePath, long bytes, long resumedFrom, String sha256) {
}
