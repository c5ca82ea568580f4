// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;

/**
 * Hibernate's view of the server's transaction manager, found wherever the running server keeps
 * it, so that one {@code persistence.xml} serves Payara (Micro and Server) and WildFly. Without a
 * platform Hibernate fails on Payara with "transactionManager is null" (platform.md), and naming
 * Payara's own platform class would break WildFly.
 */
public final class ServerJtaPlatform extends AbstractJtaPlatform {

    private static final long serialVersionUID = 1L;

    /** Payara and GlassFish first, then WildFly. */
    static final List<String> TRANSACTION_MANAGER_NAMES =
            List.of("java:appserver/TransactionManager", "java:jboss/TransactionManager");

    /** The standard name first, then WildFly's, which also answers outside a component. */
    static final List<String> USER_TRANSACTION_NAMES =
            List.of("java:comp/UserTransaction", "java:jboss/UserTransaction");

    @Override
    protected TransactionManager locateTransactionManager() {
        return (TransactionManager) locate(TRANSACTION_MANAGER_NAMES);
    }

    @Override
    protected UserTransaction locateUserTransaction() {
        return (UserTransaction) locate(USER_TRANSACTION_NAMES);
    }

    private Object locate(List<String> names) {
        JndiException last = null;
        for (String name : names) {
            try {
                Object found = jndiService().locate(name);
                if (found != null) {
                    return found;
                }
            } catch (JndiException e) {
                last = e;
            }
        }
        throw new JndiException("none of " + names + " is bound on this server", last);
    }
}
