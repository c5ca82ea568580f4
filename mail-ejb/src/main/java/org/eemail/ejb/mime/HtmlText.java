// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.mime;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML reduced to plain text, for showing a message that has no text/plain part: scripts, styles,
 * comments and the head dropped, block ends as line breaks, every other tag removed, character
 * references decoded, blank runs collapsed. The result is text, never markup: whoever shows it
 * still escapes it.
 */
public final class HtmlText {

    private static final Pattern HIDDEN = Pattern.compile(
            "<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LINE_BREAK = Pattern.compile(
            "<br\\b[^>]*>|</?(p|div|tr|h[1-6]|li|ul|ol|table|blockquote|pre)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z!][^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "copy", "\u00a9", "reg", "\u00ae", "mdash", "\u2014", "ndash", "\u2013");

    private HtmlText() {
    }

    public static String toPlain(String html) {
        String text = HIDDEN.matcher(html).replaceAll(" ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeReferences(text);
        StringBuilder plain = new StringBuilder(text.length());
        int blankLines = 0;
        for (String line : text.split("\r?\n")) {
            String collapsed = line.replaceAll("[ \\t\\u00a0]+", " ").trim();
            if (collapsed.isEmpty()) {
                blankLines++;
                continue;
            }
            if (plain.length() > 0) {
                plain.append(blankLines > 0 ? "\n\n" : "\n");
            }
            plain.append(collapsed);
            blankLines = 0;
        }
        return plain.toString();
    }

    private static String decodeReferences(String text) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (reference.find()) {
            reference.appendReplacement(decoded, Matcher.quoteReplacement(character(reference.group(1), reference.group())));
        }
        reference.appendTail(decoded);
        return decoded.toString();
    }

    private static String character(String name, String whole) {
        if (name.charAt(0) != '#') {
            return NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
        }
        int code = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "\ufffd";
    }
}
