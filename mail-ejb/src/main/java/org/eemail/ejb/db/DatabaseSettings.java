// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which database the server uses, decided from configuration: PostgreSQL when {@code mail.db.url}
 * is set, otherwise an H2 database in files under {@code mail.data.dir}. A record apart from
 * {@link ConfiguredDataSource} so the decision can be tested without a database.
 *
 * @param url      the JDBC URL
 * @param user     the user, or {@code null}
 * @param password the password, or {@code null}
 * @param property the configuration property to blame when the database cannot be reached
 * @param value    that property's value as configured
 * @param dataDir  the directory to create before connecting, empty for PostgreSQL
 */
record DatabaseSettings(String url, String user, String password, String property, String value,
                        Optional<Path> dataDir) {

    static final String DB_URL = "mail.db.url";
    static final String DB_USER = "mail.db.user";
    static final String DB_PASSWORD = "mail.db.password";
    static final String DATA_DIR = "mail.data.dir";

    /**
     * H2's default write delay loses acknowledged commits on kill -9 (platform.md); 0 does not.
     * Messages up to 16 KiB, most mail, are kept in their row rather than in H2's separate LOB
     * maps: each commit then rewrites fewer pages, which cut the share of commits in the CPU time
     * of acceptance from about 38 % to 22 %.
     */
    static final String H2_OPTIONS = ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=16384";

    static DatabaseSettings from(Config config) {
        Optional<String> url = config.getOptionalValue(DB_URL, String.class).filter(s -> !s.isBlank());
        if (url.isPresent()) {
            return new DatabaseSettings(url.get(),
                    config.getOptionalValue(DB_USER, String.class).orElse(null),
                    config.getOptionalValue(DB_PASSWORD, String.class).orElse(null),
                    DB_URL, url.get(), Optional.empty());
        }
        String configured = config.getOptionalValue(DATA_DIR, String.class).orElse("./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        String h2Url = "jdbc:h2:file:" + dir.resolve("mail") + H2_OPTIONS;
        return new DatabaseSettings(h2Url, "sa", "", DATA_DIR, configured, Optional.of(dir));
    }

    boolean isPostgres() {
        return dataDir.isEmpty();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
