// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AutoconfigDocumentTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    @Test
    void describesEachClientListenerInThunderbirdsFormat() throws Exception {
        ClientSetup setup = ClientSetup.of(ClientSetupTest.settings(Map.of("mail.hostname", "mail.acme.test",
                "mail.submission.public-port", "587")), AutoconfigDocument.ADDRESS_PLACEHOLDER);
        Document document = parse(AutoconfigDocument.of("acme.test", setup));

        Element root = document.getDocumentElement();
        assertEquals("clientConfig", root.getTagName());
        assertEquals("1.1", root.getAttribute("version"));
        Element provider = (Element) root.getElementsByTagName("emailProvider").item(0);
        assertEquals("acme.test", provider.getAttribute("id"));
        assertEquals("acme.test", text(provider, "domain"));

        assertEquals(List.of("pop3 mail.acme.test:1995 SSL %EMAILADDRESS% password-cleartext",
                "pop3 mail.acme.test:1110 STARTTLS %EMAILADDRESS% password-cleartext"), servers(provider, "incomingServer"));
        assertEquals(List.of("smtp mail.acme.test:2465 SSL %EMAILADDRESS% password-cleartext",
                "smtp mail.acme.test:587 STARTTLS %EMAILADDRESS% password-cleartext"), servers(provider, "outgoingServer"));
    }

    @Test
    void valuesAreEscaped() throws Exception {
        ClientSetup setup = new ClientSetup(List.of(
                new ClientServer("pop3", "<script>&", 995, "SSL", "\"a\"@b", "password-cleartext")), List.of());
        Element server = (Element) parse(AutoconfigDocument.of("x</domain>.test", setup))
                .getElementsByTagName("incomingServer").item(0);
        assertEquals("<script>&", text(server, "hostname"));
        assertEquals("\"a\"@b", text(server, "username"));
    }

    private static List<String> servers(Element provider, String kind) {
        NodeList nodes = provider.getElementsByTagName(kind);
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element server = (Element) nodes.item(i);
            servers.add(server.getAttribute("type") + " " + text(server, "hostname") + ":" + text(server, "port") + " "
                    + text(server, "socketType") + " " + text(server, "username") + " " + text(server, "authentication"));
        }
        return servers;
    }
}
