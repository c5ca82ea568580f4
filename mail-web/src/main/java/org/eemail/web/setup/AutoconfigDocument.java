// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.setup;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Thunderbird's autoconfiguration file ({@code config-v1.1.xml}, also read by K-9 Mail, Evolution
 * and others) for one of our domains. StAX escapes every value.
 */
public final class AutoconfigDocument {

    private AutoconfigDocument() {
    }

    /** The client's placeholder for the address the user typed: accounts log in with it. */
    public static final String ADDRESS_PLACEHOLDER = "%EMAILADDRESS%";

    /**
     * The document for {@code domain} (an A-label name of a local domain); {@code setup} names
     * the user {@link #ADDRESS_PLACEHOLDER}.
     */
    public static String of(String domain, ClientSetup setup) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("clientConfig");
            xml.writeAttribute("version", "1.1");
            xml.writeStartElement("emailProvider");
            xml.writeAttribute("id", domain);
            element(xml, "domain", domain);
            element(xml, "displayName", domain);
            element(xml, "displayShortName", domain);
            servers(xml, "incomingServer", setup.incoming());
            servers(xml, "outgoingServer", setup.outgoing());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the autoconfiguration document", e);
        }
        return text.toString();
    }

    private static void servers(XMLStreamWriter xml, String kind, List<ClientServer> servers) throws XMLStreamException {
        for (ClientServer server : servers) {
            xml.writeStartElement(kind);
            xml.writeAttribute("type", server.protocol());
            element(xml, "hostname", server.hostname());
            element(xml, "port", Integer.toString(server.port()));
            element(xml, "socketType", server.security());
            element(xml, "authentication", server.authentication());
            element(xml, "username", server.username());
            xml.writeEndElement();
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
