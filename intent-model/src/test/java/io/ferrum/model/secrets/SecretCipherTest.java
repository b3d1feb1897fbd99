package io.ferrum.model.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path home;

    @Test
    void aKeyFileIsMadeOnceOwnerOnlyAndReusedAfterwards() throws Exception {
        Path keyFile = home.resolve("secret.key");
        SecretCipher first = SecretCipher.load(null, keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        SecretCipher again = SecretCipher.load("", keyFile);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.open(first.seal("hunter2-long", "row"), "row")).isEqualTo("hunter2-long");
    }

    @Test
    void anotherKeyRefusesWithBothKeyIdsAndAlteredDataDoesNotOpen() {
        SecretCipher a = SecretCipher.load(Base64.getEncoder().encodeToString(new byte[32]), home.resolve("unused"));
        byte[] other = new byte[32];
        other[0] = 1;
        SecretCipher b = SecretCipher.load(Base64.getEncoder().encodeToString(other), home.resolve("unused"));
        SecretCipher.Sealed sealed = a.seal("the secret", "row-1");

        assertThatThrownBy(() -> b.open(sealed, "row-1")).isInstanceOf(SecretCipher.SecretException.class)
                .hasMessageContaining(a.keyId()).hasMessageContaining(b.keyId());
        assertThatThrownBy(() -> a.open(sealed, "row-2")).isInstanceOf(SecretCipher.SecretException.class)
                .hasMessageContaining("does not open");
        assertThat(Files.exists(home.resolve("unused"))).as("an environment key makes no file").isFalse();
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedSayingHowToMakeOne() {
        assertThatThrownBy(() -> SecretCipher.load(Base64.getEncoder().encodeToString(new byte[16]), home.resolve("k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FERRUM_SECRET_KEY").hasMessageContaining("openssl rand -base64 32");
    }
}
