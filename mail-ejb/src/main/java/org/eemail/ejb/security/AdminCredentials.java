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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eemail.ejb.domain.AdminUser;
import org.eemail.ejb.store.AdminUserStore;
import org.eemail.ejb.store.StoreException;

/**
 * The administrators' credentials, checked on every API call and at the console's login.
 *
 * <p>Any administrator in the database may log in. When {@code mail.admin.password} is set, it
 * is the password of {@code admin}, which cannot be changed through the API; each start creates
 * {@code admin} if it is missing, so removing it locks it out only until the next start. Otherwise a start that finds no administrator at all generates one for {@code admin},
 * keeps only its hash and shows it once in the log, so that a fresh installation is never open
 * with a default password. Thread-safe without container locks: the state is immutable values
 * behind volatile references.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AdminCredentials {

    /** The first administrator's user name. */
    public static final String ADMIN = "admin";
    /** The shortest password an administrator may be given through the API. */
    public static final int MIN_PASSWORD = 10;
    static final String PASSWORD_PROPERTY = "mail.admin.password";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;
    private static final Logger LOG = System.getLogger(AdminCredentials.class.getName());

    /** The tests set their own. */
    @EJB
    AdminUserStore users;

    /** The hash of {@code mail.admin.password}, or {@code null} when it is not set. */
    private volatile String configuredHash;
    /** Compared against for unknown user names, so that they take as long as a wrong password. */
    private volatile String absentHash;
    private final VerifiedCredential lastVerified = new VerifiedCredential();

    @PostConstruct
    void load() {
        absentHash = PasswordHasher.hash(randomPassword(new SecureRandom()));
        Optional<String> configured = ConfigProvider.getConfig(AdminCredentials.class.getClassLoader())
                .getOptionalValue(PASSWORD_PROPERTY, String.class)
                .filter(p -> !p.isEmpty());
        if (configured.isPresent()) {
            configuredHash = PasswordHasher.hash(configured.get());
            // listed like every administrator; the configured password wins over the stored hash
            storeAdminUnlessStored(configuredHash);
            return;
        }
        if (users.list().isEmpty()) {
            generate();
        }
    }

    private void generate() {
        String password = randomPassword(new SecureRandom());
        if (storeAdminUnlessStored(PasswordHasher.hash(password))) {
            LOG.log(Level.WARNING, "Generated password for the administrator ''{0}'': {1} (shown once; set "
                    + PASSWORD_PROPERTY + " to choose your own)", ADMIN, password);
        }
    }

    /**
     * Stores {@code admin} with {@code hash} unless it exists. Instances of a cluster that start at
     * once on an empty database may both try; the user name is unique, so the slower one's insert
     * fails, and the administrator the faster one stored stands.
     *
     * @return whether this call stored it
     */
    boolean storeAdminUnlessStored(String hash) {
        if (users.find(ADMIN).isPresent()) {
            return false;
        }
        try {
            users.create(ADMIN, hash);
            return true;
        } catch (EJBException | StoreException lost) {
            if (users.find(ADMIN).isPresent()) {
                return false;
            }
            throw lost;
        }
    }

    static String randomPassword(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /**
     * Whether {@code user} is an administrator and {@code password} is theirs. The last credential
     * that passed is remembered with the hash it passed against, so repeated calls with it cost one
     * lookup of the administrator instead of the 0.2 s PBKDF2 check, and a change of the
     * administrator, made on any instance, takes effect at once.
     */
    public boolean verify(String user, String password) {
        if (user == null || password == null) {
            return false;
        }
        Optional<String> hash = hashOf(user);
        if (hash.isPresent() && lastVerified.matches(user, password, hash.get())) {
            return true;
        }
        // '&', not '&&': an unknown user name costs the same PBKDF2 check as a wrong password.
        boolean valid = PasswordHasher.matches(password, hash.orElse(absentHash)) & hash.isPresent();
        if (valid) {
            lastVerified.remember(user, password, hash.get());
        }
        return valid;
    }

    private Optional<String> hashOf(String user) {
        String configured = configuredHash;
        Optional<String> stored = users.find(user).map(AdminUser::getPasswordHash);
        // the configured password wins over the stored hash, while admin exists
        return configured != null && ADMIN.equals(user) ? stored.map(hash -> configured) : stored;
    }

    /** Every administrator, by name. */
    public List<AdminUser> list() {
        return users.list();
    }

    /**
     * Adds an administrator.
     *
     * @throws StoreException INVALID for a malformed name or a short password, CONFLICT when the name is taken
     */
    public AdminUser create(String username, String password) {
        return users.create(validName(username), PasswordHasher.hash(validPassword(password)));
    }

    /** @throws StoreException INVALID for a short password, NOT_FOUND, CONFLICT for a configured {@code admin} */
    public void changePassword(String username, String password) {
        requireChangeable(username);
        users.changePassword(username, PasswordHasher.hash(validPassword(password)));
    }

    /** @throws StoreException NOT_FOUND, CONFLICT for the last administrator */
    public void delete(String username) {
        users.delete(username);
    }

    private void requireChangeable(String username) {
        if (configuredHash != null && ADMIN.equals(username)) {
            throw StoreException.conflict("the password of " + ADMIN + " is set by " + PASSWORD_PROPERTY
                    + ": change it there");
        }
    }

    private static String validName(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw StoreException.invalid("an administrator's name is 1 to " + AdminUser.MAX_USERNAME
                    + " letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return username;
    }

    private static String validPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw StoreException.invalid("an administrator's password has at least " + MIN_PASSWORD + " characters");
        }
        return password;
    }
}
