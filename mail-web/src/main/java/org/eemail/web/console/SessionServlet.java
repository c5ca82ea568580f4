// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * What the console's pages need to know about their session: who is logged in, the CSRF token
 * to send with every change, and how long the session lasts without a request. Under
 * {@code /console/}, so only a logged-in administrator gets it.
 */
@WebServlet("/console/session")
public class SessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        String body = Json.createObjectBuilder()
                .add("user", request.getRemoteUser())
                .add("csrfToken", CsrfToken.of(session))
                .add("header", CsrfToken.HEADER)
                .add("timeoutSeconds", session.getMaxInactiveInterval())
                .build().toString();
        ConsoleJson.write(response, HttpServletResponse.SC_OK, body);
    }
}
