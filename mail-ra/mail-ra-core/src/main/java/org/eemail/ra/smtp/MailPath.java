// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The path argument of MAIL FROM and RCPT TO (RFC 5321 §4.1.2), parsed strictly, with the
 * ESMTP parameters that follow it. Forms that have been used to relay through a server are
 * refused rather than interpreted: source routes ({@code <@a,@b:user@host>}; RFC 5321 §4.1.2 says
 * to ignore them, refusing is safer), the {@code %} hack, {@code !} bang paths, and {@code @}
 * inside the local part, quoted or not. UTF-8 is allowed here; whether the transaction allows it
 * (RFC 6531 SMTPUTF8) is the caller's check, with {@link #ascii()}.
 *
 * @param address    {@code local-part@domain}, {@code ""} for the null reverse-path {@code <>}
 * @param parameters the text after the closing {@code >}, without the separating space
 */
public record MailPath(String address, String parameters) {

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;

    /** {@code FROM:<reverse-path> [parameters]}; the null path {@code <>} is allowed. */
    public static MailPath reversePath(String argument) throws SmtpRefusal {
        return parse(argument, "FROM:", null, SmtpReplies.BAD_SENDER);
    }

    /**
     * {@code TO:<forward-path> [parameters]}; {@code <postmaster>} without a domain (RFC 5321
     * §4.5.1) is the postmaster of {@code hostname}.
     */
    public static MailPath forwardPath(String argument, String hostname) throws SmtpRefusal {
        return parse(argument, "TO:", hostname, SmtpReplies.BAD_RECIPIENT);
    }

    /** Whether the address is plain ASCII, so that it needs no SMTPUTF8. */
    public boolean ascii() {
        return address.chars().allMatch(c -> c < 0x80);
    }

    private static MailPath parse(String argument, String keyword, String postmasterHost, SmtpReply syntax)
            throws SmtpRefusal {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
        String rest = argument.substring(keyword.length()).stripLeading(); // "FROM: <a@b>" is common
        if (!rest.startsWith("<")) {
            throw new SmtpRefusal(syntax);
        }
        int close = closingBracket(rest, syntax);
        String after = rest.substring(close + 1);
        if (!after.isEmpty() && !after.startsWith(" ")) {
            throw new SmtpRefusal(syntax);
        }
        String path = rest.substring(1, close);
        String address;
        if (path.isEmpty()) {
            if (postmasterHost != null) {
                throw new SmtpRefusal(syntax);
            }
            address = "";
        } else {
            address = mailbox(path, postmasterHost, syntax);
        }
        return new MailPath(address, after.strip());
    }

    /** The {@code >} that closes the path: the first one outside a quoted local part. */
    private static int closingBracket(String text, SmtpReply syntax) throws SmtpRefusal {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        throw new SmtpRefusal(syntax);
    }

    private static String mailbox(String path, String postmasterHost, SmtpReply syntax) throws SmtpRefusal {
        if (path.startsWith("@")) {
            throw new SmtpRefusal(SmtpReplies.ROUTING_REFUSED);
        }
        int at = path.lastIndexOf('@');
        if (at < 0) {
            if (postmasterHost != null && path.toLowerCase(Locale.ROOT).equals("postmaster")) {
                return path + "@" + postmasterHost;
            }
            throw new SmtpRefusal(syntax);
        }
        String local = path.substring(0, at);
        String domain = path.substring(at + 1);
        checkLocalPart(local, syntax);
        if (!domain(domain) || octets(local) > MAX_LOCAL_PART || octets(domain) > MAX_DOMAIN) {
            throw new SmtpRefusal(syntax);
        }
        return path;
    }

    /** RFC 5321 §4.1.2 Local-part = Dot-string / Quoted-string, less the relaying tricks. */
    private static void checkLocalPart(String local, SmtpReply syntax) throws SmtpRefusal {
        if (local.startsWith("\"")) {
            String content = quotedContent(local).orElseThrow(() -> new SmtpRefusal(syntax));
            if (content.indexOf('@') >= 0 || content.indexOf('%') >= 0 || content.indexOf('!') >= 0) {
                throw new SmtpRefusal(SmtpReplies.ROUTING_REFUSED);
            }
            return;
        }
        if (local.indexOf('@') >= 0 || local.indexOf('%') >= 0 || local.indexOf('!') >= 0) {
            throw new SmtpRefusal(SmtpReplies.ROUTING_REFUSED);
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty() || !atom.chars().allMatch(c -> atext(c))) {
                throw new SmtpRefusal(syntax);
            }
        }
    }

    /** The unescaped content of {@code "..."}, or empty when it is not a valid Quoted-string. */
    private static Optional<String> quotedContent(String quoted) {
        if (quoted.length() < 2 || !quoted.endsWith("\"")) {
            return Optional.empty();
        }
        StringBuilder content = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 2 < quoted.length()) {
                c = quoted.charAt(++i);
            } else if (c == '"' || c == '\\') {
                return Optional.empty();
            }
            if (c < 32 || c == 127) {
                return Optional.empty();
            }
            content.append(c);
        }
        return Optional.of(content.toString());
    }

    private static boolean atext(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || ATEXT_SPECIALS.indexOf(c) >= 0 || c >= 0x80;
    }

    /** RFC 5321 §4.1.2 Domain (U-labels allowed, RFC 6531 §3.3) or address-literal (§4.1.3). */
    private static boolean domain(String domain) {
        if (domain.startsWith("[")) {
            return domain.length() > 2 && domain.endsWith("]")
                    && domain.substring(1, domain.length() - 1).chars().allMatch(MailPath::dcontent);
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5321 §4.1.3 dcontent: printable ASCII but the brackets and backslash. */
    private static boolean dcontent(int c) {
        return c >= 33 && c <= 126 && c != '[' && c != ']' && c != '\\';
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
