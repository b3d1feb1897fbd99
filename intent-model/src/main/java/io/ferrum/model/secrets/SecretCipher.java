package io.ferrum.model.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens secrets with AES-256-GCM under the node's key. The associated data binds a ciphertext to the row
 * it belongs to (its name and kind), so a ciphertext copied onto another credential does not open.
 */
public final class SecretCipher {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed secret: which key sealed it, its nonce and ciphertext (with the GCM tag). */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes (base64 of 32 random "
                    + "bytes, e.g. `openssl rand -base64 32`), found " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyIdOf(key);
    }

    /**
     * The key from {@code base64Key} (FERRUM_SECRET_KEY) when given, else from {@code keyFile}, which is created
     * with fresh random bytes, readable by its owner only, when it does not exist yet.
     */
    public static SecretCipher load(String base64Key, Path keyFile) {
        if (base64Key != null && !base64Key.isBlank()) {
            try {
                return new SecretCipher(Base64.getDecoder().decode(base64Key.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("FERRUM_SECRET_KEY is not usable: " + e.getMessage(), e);
            }
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "secret", ".key",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n");
                try {
                    Files.move(temp, keyFile);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp); // another node or process made it first: use theirs
                }
            }
            return new SecretCipher(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + keyFile, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret key file " + keyFile + " is not usable: " + e.getMessage(), e);
        }
    }

    /** Identifies the key without revealing it: the first 8 bytes of its SHA-256, in hex. */
    public String keyId() {
        return keyId;
    }

    public Sealed seal(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** @throws SecretException when the key differs from the sealing one or the data was altered */
    public String open(Sealed sealed, String associatedData) {
        if (!sealed.keyId().equals(keyId)) {
            throw new SecretException("sealed with key " + sealed.keyId() + ", but this node's key is " + keyId
                    + " (set the same FERRUM_SECRET_KEY or secret.key on every node)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretException("does not open: the stored ciphertext was altered or belongs to another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static String keyIdOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored secret cannot be opened on this node. */
    public static final class SecretException extends RuntimeException {
        public SecretException(String message) {
            super(message);
        }
    }
}
