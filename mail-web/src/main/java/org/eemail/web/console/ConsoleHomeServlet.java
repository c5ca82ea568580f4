// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The server's root URL, the one Payara Micro prints at start, leads to the console. */
@WebServlet("")
public class ConsoleHomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + ConsoleSecurity.CONSOLE_HOME);
    }
}
