// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eemail.ejb.domain.DomainName;
import org.eemail.ejb.domain.InvalidAddressException;
import org.eemail.ejb.store.DomainStore;

/**
 * Serves Thunderbird's autoconfiguration to mail clients, without credentials, at both places a
 * client looks: {@code http://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=…} and
 * {@code https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml}. The domain comes from the
 * {@code emailaddress} parameter, else from the host name the client asked for; only our own
 * domains are answered, so the file reveals nothing about others.
 */
@WebServlet({"/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml"})
public class AutoconfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String AUTOCONFIG_HOST = "autoconfig.";

    @EJB
    private transient DomainStore domains;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> asked = askedDomain(request);
        if (asked.isEmpty()) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "emailaddress is not an address");
            return;
        }
        String domain;
        try {
            domain = DomainName.normalize(asked.get());
        } catch (InvalidAddressException malformed) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "not a domain name: " + asked.get());
            return;
        }
        if (domains.find(domain).isEmpty()) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "no mail service here for " + domain);
            return;
        }
        byte[] document = AutoconfigDocument.of(domain,
                ClientSetup.of(ConfiguredServer.settings(), AutoconfigDocument.ADDRESS_PLACEHOLDER))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/xml;charset=UTF-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }

    private static Optional<String> askedDomain(HttpServletRequest request) {
        String address = request.getParameter("emailaddress");
        if (address != null) {
            int at = address.lastIndexOf('@');
            return at > 0 && at < address.length() - 1 ? Optional.of(address.substring(at + 1)) : Optional.empty();
        }
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        return Optional.of(host.startsWith(AUTOCONFIG_HOST) ? host.substring(AUTOCONFIG_HOST.length()) : host);
    }

    private static void plain(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(reason);
    }
}
