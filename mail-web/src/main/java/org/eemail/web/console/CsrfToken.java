// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The per-session token that every state-changing request of the console must carry in the
 * {@value #HEADER} header (the synchronizer-token pattern). Another site can make a browser send
 * the session cookie, but cannot read the token, which only a page of this origin gets from
 * {@code /console/session}.
 */
public final class CsrfToken {

    /** The request header that carries the token. */
    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = CsrfToken.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfToken() {
    }

    /** A fresh token for a session that has just logged in. */
    static String issue(HttpSession session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** The session's token, issuing one if the session has none yet. */
    static String of(HttpSession session) {
        Object token = session.getAttribute(ATTRIBUTE);
        return token instanceof String existing ? existing : issue(session);
    }

    /** Whether {@code method} changes nothing, so that it needs no token. */
    public static boolean safe(String method) {
        return SAFE_METHODS.contains(method);
    }

    /** Whether {@code request} carries its session's token; compared in constant time. */
    public static boolean presentIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Optional<String> expected = Optional.ofNullable(session).map(s -> s.getAttribute(ATTRIBUTE))
                .filter(String.class::isInstance).map(String.class::cast);
        String presented = request.getHeader(HEADER);
        return expected.isPresent() && presented != null
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII));
    }
}
