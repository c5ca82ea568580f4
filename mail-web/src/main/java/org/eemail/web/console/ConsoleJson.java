// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.console;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** JSON answers of the console's servlets, errors in the API's {@code {"error": "<reason>"}} form. */
final class ConsoleJson {

    private ConsoleJson() {
    }

    static void error(HttpServletResponse response, int status, String reason) throws IOException {
        write(response, status, Json.createObjectBuilder().add("error", reason).build().toString());
    }

    static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
