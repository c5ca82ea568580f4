// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers paths under {@code /api} that no API version serves (a mistyped version, say) with the
 * API's JSON 404 rather than the server's HTML page. {@code /api/v1/*} is the longer mapping and
 * goes to JAX-RS.
 */
@WebServlet("/api/*")
public class UnknownApiPathServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"not found\"}");
    }
}
