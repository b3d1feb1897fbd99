-- The firmware version intent wants: per platform (every device of it), and per device as an override (a device
-- held back or tried ahead). Versions name images in provisioning's firmware catalogue; null means "no desire":
-- firmware runs leave such devices alone and the auditor does not judge their firmware.
ALTER TABLE platform ADD COLUMN desired_firmware text CHECK (length(desired_firmware) BETWEEN 1 AND 64);
ALTER TABLE device ADD COLUMN desired_firmware text CHECK (length(desired_firmware) BETWEEN 1 AND 64);
