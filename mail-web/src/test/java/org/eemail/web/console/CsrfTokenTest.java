// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsrfTokenTest {

    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpSession session = session(attributes);

    private static HttpSession session(Map<String, Object> attributes) {
        HttpSession session = mock(HttpSession.class);
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(session).setAttribute(anyString(), any());
        when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        return session;
    }

    private static HttpServletRequest request(HttpSession session, String header) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getHeader(eq(CsrfToken.HEADER))).thenReturn(header);
        return request;
    }

    @Test
    void theSessionsTokenInTheHeaderPasses() {
        String token = CsrfToken.issue(session);
        assertEquals(43, token.length(), "32 random octets, base64url");
        assertEquals(token, CsrfToken.of(session), "kept for the session");
        assertTrue(CsrfToken.presentIn(request(session, token)));
    }

    @Test
    void aMissingWrongOrForeignTokenFails() {
        String token = CsrfToken.issue(session);
        assertFalse(CsrfToken.presentIn(request(session, null)));
        assertFalse(CsrfToken.presentIn(request(session, "")));
        assertFalse(CsrfToken.presentIn(request(session, token + "x")));
        String other = CsrfToken.issue(session(new HashMap<>()));
        assertNotEquals(token, other);
        assertFalse(CsrfToken.presentIn(request(session, other)), "another session's token");
        assertFalse(CsrfToken.presentIn(request(null, token)), "no session at all");
        assertFalse(CsrfToken.presentIn(request(session(new HashMap<>()), token)), "a session without a token");
    }

    @Test
    void onlyReadingMethodsNeedNoToken() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            assertTrue(CsrfToken.safe(method), method);
        }
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            assertFalse(CsrfToken.safe(method), method);
        }
    }
}
