// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Locale;
import org.eemail.ejb.domain.InvalidAddressException;
import org.eemail.ejb.store.StoreException;

/**
 * The status and reason an exception is answered with. Walks the cause chain, because the
 * container wraps what a bean throws (EJBException, transaction rollback, persistence
 * exceptions) and the status belongs to the cause. Pure, for unit tests.
 *
 * @param status     the HTTP status
 * @param reason     the text for {@link ErrorView}
 * @param unexpected whether this is a bug or an outage, to be logged with its trace
 */
record ApiError(int status, String reason, boolean unexpected) {

    static final String INTERNAL = "internal error";
    /** SQL:2016 class 23: integrity constraint violation, such as a duplicate key. */
    private static final String INTEGRITY_VIOLATION = "23";
    private static final int MAX_DEPTH = 32;

    static ApiError of(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            ApiError known = known(t);
            if (known != null) {
                return known;
            }
        }
        return new ApiError(500, INTERNAL, true);
    }

    /** Why JAX-RS could not read a body: the first cause this class knows, if any. */
    private static ApiError knownCause(Throwable cause) {
        Throwable t = cause;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            ApiError known = t instanceof WebApplicationException ? null : known(t);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    private static ApiError known(Throwable t) {
        if (t instanceof StoreException e) {
            return new ApiError(switch (e.kind()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
            }, e.getMessage(), false);
        }
        if (t instanceof InvalidAddressException || t instanceof InvalidRequestException) {
            return new ApiError(400, t.getMessage(), false);
        }
        if (t instanceof NoContentException) {
            return new ApiError(400, "request body is missing", false);
        }
        if (t instanceof JsonbException || t instanceof JsonException) {
            return new ApiError(400, "malformed JSON body", false);
        }
        if (t instanceof OptimisticLockException) {
            return new ApiError(409, "changed by someone else meanwhile; try again", false);
        }
        if (t instanceof SQLException e && e.getSQLState() != null
                && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
            return new ApiError(409, "conflicts with existing data", false);
        }
        if (t instanceof WebApplicationException e) {
            return ofStatus(e.getResponse().getStatus(), e);
        }
        return null;
    }

    /** JAX-RS's own refusals: routing, content negotiation, body reading. */
    private static ApiError ofStatus(int status, WebApplicationException e) {
        if (status == 400 && e.getCause() != null) {
            ApiError cause = knownCause(e.getCause());
            return cause == null ? new ApiError(400, "malformed request", false) : cause;
        }
        if (status >= 500) {
            return new ApiError(500, INTERNAL, true);
        }
        String reason = switch (status) {
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable: the API answers in application/json";
            case 415 -> "unsupported media type: send application/json";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "HTTP " + status : known.getReasonPhrase().toLowerCase(Locale.ROOT);
            }
        };
        return new ApiError(status, reason, false);
    }
}
