// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.mime;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the console shows of a message: its header fields decoded (RFC 2047) and its text, the
 * first text/plain part decoded from its transfer encoding and charset, or, when the message has
 * only HTML, that HTML as plain text ({@link HtmlText}). At most {@value #MAX_TEXT} characters of
 * text. Parts that are attachments are not shown. Everything here came from the sender: it is
 * text to be escaped by whoever displays it.
 *
 * @param headers       the header fields in their order, values unfolded and decoded
 * @param text          the text, or {@code null} when the message has no text part
 * @param textTruncated whether the text was longer than what is returned
 */
public record MessageSummary(List<Field> headers, String text, boolean textTruncated) {

    /** The most text returned, in characters. */
    public static final int MAX_TEXT = 100_000;
    /** The most octets of a text/plain part decoded: enough for {@value #MAX_TEXT} characters of any charset. */
    private static final int MAX_PLAIN_OCTETS = 4 * MAX_TEXT;
    /** The most octets of HTML read: markup takes room, so more than for plain text. */
    private static final int MAX_HTML_OCTETS = 20 * MAX_TEXT;
    private static final int MAX_DEPTH = 20;

    /** One header field. */
    public record Field(String name, String value) {
    }

    private record Text(String text, boolean truncated) {
    }

    /**
     * Reads a message; the stream is read to its end (the message is parsed in memory) and not closed.
     *
     * @throws IOException when the stream cannot be read
     */
    public static MessageSummary of(InputStream content) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        MimeMessage message;
        try {
            message = new MimeMessage(Session.getInstance(properties), content);
        } catch (MessagingException e) {
            throw new IOException("cannot read the message", e);
        }
        List<Field> headers = headers(message);
        Optional<Text> text = text(message, "text/plain", 0).or(() -> text(message, "text/html", 0)
                .map(html -> new Text(HtmlText.toPlain(html.text()), html.truncated())));
        return text.map(t -> t.text().length() > MAX_TEXT
                        ? new MessageSummary(headers, t.text().substring(0, MAX_TEXT), true)
                        : new MessageSummary(headers, t.text(), t.truncated()))
                .orElseGet(() -> new MessageSummary(headers, null, false));
    }

    private static List<Field> headers(MimeMessage message) {
        List<Field> fields = new ArrayList<>();
        try {
            Enumeration<Header> all = message.getAllHeaders();
            while (all.hasMoreElements()) {
                Header header = all.nextElement();
                fields.add(new Field(header.getName(), HeaderFields.decode(MimeUtility.unfold(header.getValue()).trim())));
            }
        } catch (MessagingException e) {
            // the fields read so far are what there is
        }
        return fields;
    }

    /** The first part of {@code type} that is not an attachment, depth first. */
    private static Optional<Text> text(Part part, String type, int depth) {
        try {
            if (depth > MAX_DEPTH || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return Optional.empty();
            }
            if (part.isMimeType(type)) {
                return Optional.of(decode(part, type.equals("text/html") ? MAX_HTML_OCTETS : MAX_PLAIN_OCTETS));
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<Text> found = text(child, type, depth + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException | RuntimeException e) {
            // a malformed part shows nothing rather than failing the whole summary
            return Optional.empty();
        }
    }

    /** The part's octets decoded from its transfer encoding, then from its charset (UTF-8 when none or an unknown one is named). */
    private static Text decode(Part part, int maxOctets) throws MessagingException, IOException {
        byte[] octets;
        boolean more;
        try (InputStream in = part.getInputStream()) {
            octets = in.readNBytes(maxOctets);
            more = in.read() != -1;
        }
        return new Text(new String(octets, charset(part)), more);
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            // US-ASCII by default (RFC 2046 §4.1.2); UTF-8, its superset, also reads what mislabelled senders meant
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name.trim()));
        } catch (MessagingException | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
