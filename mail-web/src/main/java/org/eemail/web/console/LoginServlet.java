// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Receives the login form and hands the credentials to Jakarta Security, which checks them with
 * {@link AdminIdentityStore} and keeps the caller in the session. The session gets a new id
 * first (a session id planted before the login is worth nothing after it), then its lifetime and
 * its CSRF token.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + ConsoleSecurity.LOGIN_PAGE);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user == null || password == null || user.isEmpty() || password.isEmpty()) {
            refuse(request, response);
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(user, new Password(password))).newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                begin(request.getSession());
                response.sendRedirect(request.getContextPath() + ConsoleSecurity.CONSOLE_HOME);
            }
            // Jakarta Security has already redirected to the page asked for before the login.
            case SEND_CONTINUE -> begin(request.getSession());
            default -> refuse(request, response);
        }
    }

    /**
     * Back to the login page. The session goes: the mechanism keeps state of a failed login in it,
     * which would otherwise make the next console request answer an empty page.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + ConsoleSecurity.LOGIN_PAGE + "?error");
        }
    }

    private static void begin(HttpSession session) {
        session.setMaxInactiveInterval(ConsoleSessions.timeoutSeconds());
        CsrfToken.issue(session);
    }
}
