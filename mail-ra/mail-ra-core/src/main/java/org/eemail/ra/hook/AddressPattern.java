// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address, or a pattern in which {@code *} stands for any run of characters (none included),
 * compared without regard to case: {@code orders@example.test}, {@code *@shop.example.test},
 * {@code support+*@example.test}. No other character is special.
 */
public final class AddressPattern {

    private final String text;
    private final Pattern regex;

    private AddressPattern(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (String literal : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal.toLowerCase(Locale.ROOT)));
        }
        this.regex = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * @throws IllegalArgumentException when {@code text} is empty or holds a space or control character
     */
    public static AddressPattern of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an empty pattern");
        }
        if (!text.codePoints().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException("a pattern without spaces or control characters: '" + text + "'");
        }
        return new AddressPattern(text);
    }

    /** Whether {@code address} (the empty string for the null sender) matches. */
    public boolean matches(String address) {
        return regex.matcher(address.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
