// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The key of {@link ApopSecrets}: {@code mail.pop3.apop-key} (base64 of 32 octets) when set,
 * which servers that share a database must all be given; otherwise {@code apop.key} in
 * {@code mail.data.dir}, made at first use, readable by its owner only.
 */
public final class ApopKey {

    static final String KEY = "mail.pop3.apop-key";
    static final String DATA_DIR = "mail.data.dir";
    private static final String FILE = "apop.key";

    private static volatile ApopSecrets configured;

    private ApopKey() {
    }

    /** The secrets of this server, with the key from configuration or the data directory. */
    public static ApopSecrets secrets() {
        ApopSecrets secrets = configured;
        if (secrets == null) {
            synchronized (ApopKey.class) {
                if (configured == null) {
                    configured = new ApopSecrets(load(ConfigProvider.getConfig(ApopKey.class.getClassLoader())));
                }
                secrets = configured;
            }
        }
        return secrets;
    }

    static byte[] load(Config config) {
        Optional<String> given = config.getOptionalValue(KEY, String.class).filter(v -> !v.isBlank());
        if (given.isPresent()) {
            byte[] key = Base64.getDecoder().decode(given.get().trim());
            if (key.length != 32) {
                throw new IllegalStateException(KEY + " must be base64 of 32 octets, not of " + key.length);
            }
            return key;
        }
        Path dir = Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("./data")).toAbsolutePath();
        return fromFile(dir.resolve(FILE));
    }

    /**
     * The key is written whole into a file of its own, then linked under its name, which fails
     * if the name exists: of instances of a cluster sharing the data directory that make one at
     * the same moment, all use the first, and none reads a file still being written.
     */
    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Path written = Files.createTempFile(file.getParent(), FILE, ".tmp");
                try {
                    restrict(written);
                    Files.write(written, Base64.getEncoder().encode(key));
                    Files.createLink(file, written);
                } catch (FileAlreadyExistsException raced) {
                    // another thread or instance made it first: use theirs
                } finally {
                    Files.delete(written);
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the APOP key " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }
}
