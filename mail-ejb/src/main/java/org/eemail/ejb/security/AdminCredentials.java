// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eemail.ejb.domain.AdminUser;
import org.eemail.ejb.store.AdminUserStore;

/**
 * The administrator's credentials, checked on every API call.
 *
 * <p>When {@code mail.admin.password} is set, it is the password of {@code admin}. Otherwise the
 * first start generates one, keeps only its hash and shows it once in the log, so that a fresh
 * installation is never open with a default password. Thread-safe without container locks: the
 * state is two immutable values behind volatile references.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AdminCredentials {

    /** The one administrator's user name. */
    public static final String ADMIN = "admin";
    static final String PASSWORD_PROPERTY = "mail.admin.password";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;
    private static final Logger LOG = System.getLogger(AdminCredentials.class.getName());

    /** The tests set their own. */
    @EJB
    AdminUserStore users;

    private volatile String passwordHash;
    private final VerifiedCredential lastVerified = new VerifiedCredential();

    @PostConstruct
    void load() {
        Optional<String> configured = ConfigProvider.getConfig(AdminCredentials.class.getClassLoader())
                .getOptionalValue(PASSWORD_PROPERTY, String.class)
                .filter(p -> !p.isEmpty());
        if (configured.isPresent()) {
            passwordHash = PasswordHasher.hash(configured.get());
            return;
        }
        passwordHash = storedOrGenerated();
    }

    /**
     * The stored password's hash, or a new password's, stored first. Instances of a cluster that
     * start at once on an empty database may both generate one; the user name is unique, so the
     * slower one's insert fails, and the password stored by the faster is the administrator's.
     */
    String storedOrGenerated() {
        Optional<String> stored = users.find(ADMIN).map(AdminUser::getPasswordHash);
        if (stored.isPresent()) {
            return stored.get();
        }
        String password = randomPassword(new SecureRandom());
        String hash = PasswordHasher.hash(password);
        try {
            users.create(ADMIN, hash);
        } catch (EJBException lost) {
            return users.find(ADMIN).map(AdminUser::getPasswordHash).orElseThrow(() -> lost);
        }
        LOG.log(Level.WARNING, "Generated password for the administrator ''{0}'': {1} (shown once; set "
                + PASSWORD_PROPERTY + " to choose your own)", ADMIN, password);
        return hash;
    }

    static String randomPassword(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * Whether {@code user} and {@code password} are the administrator's. The last credential that
     * passed is remembered, so repeated calls with it skip the 0.2 s PBKDF2 check.
     */
    public boolean verify(String user, String password) {
        if (user == null || password == null) {
            return false;
        }
        if (lastVerified.matches(user, password)) {
            return true;
        }
        // '&', not '&&': a wrong user name takes as long as a wrong password.
        boolean valid = ADMIN.equals(user) & PasswordHasher.matches(password, passwordHash);
        if (valid) {
            lastVerified.remember(user, password);
        }
        return valid;
    }
}
