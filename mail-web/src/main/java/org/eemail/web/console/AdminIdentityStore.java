// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.eemail.ejb.security.AdminCredentials;

/**
 * Checks a console login against the administrators the API knows, through the same
 * {@link AdminCredentials} that HTTP Basic uses, and gives every administrator the role
 * {@value ConsoleSecurity#ROLE}.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @EJB
    private AdminCredentials credentials;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String user = credential.getCaller();
        if (credentials.verify(user, credential.getPasswordAsString())) {
            return new CredentialValidationResult(user, Set.of(ConsoleSecurity.ROLE));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
