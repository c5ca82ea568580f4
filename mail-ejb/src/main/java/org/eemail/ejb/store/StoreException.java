// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.ApplicationException;

/**
 * A request a store refuses, with the reason in words for the administrator. An application
 * exception, so the container rolls back and hands it to the caller as it is instead of wrapping
 * it in an {@code EJBException}.
 */
@ApplicationException(rollback = true)
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal, which the REST layer turns into a status code. */
    public enum Kind {
        /** The input refers to something that cannot be used, such as an unknown domain. */
        INVALID,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request clashes with what exists: a duplicate, or a domain still in use. */
        CONFLICT
    }

    private final Kind kind;

    private StoreException(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public static StoreException invalid(String reason) {
        return new StoreException(Kind.INVALID, reason);
    }

    public static StoreException notFound(String reason) {
        return new StoreException(Kind.NOT_FOUND, reason);
    }

    public static StoreException conflict(String reason) {
        return new StoreException(Kind.CONFLICT, reason);
    }

    public Kind kind() {
        return kind;
    }
}
