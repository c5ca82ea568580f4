// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Ends the console session: the caller is logged out and the session invalidated, so that its
 * cookie opens nothing any more, the API included. A POST with the CSRF token, so that another
 * site cannot log the administrator out.
 */
@WebServlet("/console/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!CsrfToken.presentIn(request)) {
            ConsoleJson.error(response, HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or wrong");
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
