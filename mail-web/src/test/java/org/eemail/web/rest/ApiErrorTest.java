// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eemail.ejb.domain.InvalidAddressException;
import org.eemail.ejb.store.StoreException;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void storeRefusalsKeepTheirReason() {
        assertError(400, "unknown domain: x.test", StoreException.invalid("unknown domain: x.test"));
        assertError(404, "no such account: a@x.test", StoreException.notFound("no such account: a@x.test"));
        assertError(409, "domain x.test still has 1 account(s)", StoreException.conflict("domain x.test still has 1 account(s)"));
    }

    @Test
    void badInputIs400() {
        assertError(400, "address has no @: x", new InvalidAddressException("address has no @: x"));
        assertError(400, "password is empty", new InvalidRequestException("password is empty"));
        assertError(400, "malformed JSON body", new JsonbException("Unexpected char"));
        assertError(400, "request body is missing", new NoContentException("empty"));
    }

    @Test
    void aRaceLostToAnotherWriterIs409() {
        RollbackException commit = new RollbackException("commit failed");
        commit.initCause(new OptimisticLockException("row was updated"));
        assertError(409, "changed by someone else meanwhile; try again", new EJBException(commit));
    }

    @Test
    void containerWrappersAreUnwrapped() {
        assertError(409, "taken", new EJBException(StoreException.conflict("taken")));
        assertError(400, "bad", new EJBTransactionRolledbackException("rolled back",
                new EJBException(new InvalidAddressException("bad"))));
    }

    @Test
    void integrityViolationFoundDeepInARollbackIs409() {
        SQLException duplicate = new SQLException("duplicate key", "23505");
        RollbackException rollback = new RollbackException("commit failed");
        rollback.initCause(new PersistenceException("constraint", duplicate));
        ApiError error = ApiError.of(new EJBTransactionRolledbackException("rolled back", rollback));
        assertEquals(409, error.status());
        assertFalse(error.unexpected());
    }

    @Test
    void otherSqlFailuresAreInternal() {
        assertInternal(new EJBException(new PersistenceException(new SQLException("connection refused", "08001"))));
        assertInternal(new EJBException(new PersistenceException(new SQLException("no state"))));
    }

    @Test
    void unexpectedFailuresRevealNothing() {
        assertInternal(new NullPointerException("secret.internal.Field was null"));
        assertInternal(new EJBException("wrapped", new IllegalStateException("boom")));
        assertInternal(new EJBException());
    }

    @Test
    void jaxRsRefusalsKeepTheirStatus() {
        assertError(404, "not found", web(NotFoundException.class, 404, null));
        assertError(405, "method not allowed", web(NotAllowedException.class, 405, null));
        assertError(415, "unsupported media type: send application/json", web(NotSupportedException.class, 415, null));
        assertError(400, "malformed JSON body", web(BadRequestException.class, 400, new JsonbException("bad")));
        assertError(400, "request body is missing", web(BadRequestException.class, 400, new NoContentException("")));
        assertError(400, "malformed request", web(BadRequestException.class, 400, new IllegalStateException()));
        assertError(400, "bad request", web(BadRequestException.class, 400, null));
    }

    @Test
    void serverErrorsFromJaxRsAreInternal() {
        assertInternal(web(WebApplicationException.class, 503, null));
    }

    @Test
    void causeCyclesEnd() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertInternal(a);
        BadRequestException outer = web(BadRequestException.class, 400, null);
        when(outer.getCause()).thenReturn(outer);
        assertError(400, "malformed request", outer);
    }

    private static <T extends WebApplicationException> T web(Class<T> type, int status, Throwable cause) {
        T exception = mock(type);
        Response response = mock(Response.class);
        when(response.getStatus()).thenReturn(status);
        when(exception.getResponse()).thenReturn(response);
        when(exception.getCause()).thenReturn(cause);
        return exception;
    }

    private static void assertError(int status, String reason, Throwable thrown) {
        ApiError error = ApiError.of(thrown);
        assertEquals(status, error.status());
        assertEquals(reason, error.reason());
        assertFalse(error.unexpected());
    }

    private static void assertInternal(Throwable thrown) {
        ApiError error = ApiError.of(thrown);
        assertEquals(500, error.status());
        assertEquals("internal error", error.reason());
        assertTrue(error.unexpected());
    }
}
