// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.mime;

import java.util.ArrayList;
import java.util.List;

/** The fields of a header section (RFC 5322 §2.2), unfolded, up to the first empty line. */
final class HeaderSection {

    private HeaderSection() {
    }

    /** @param text the message or its start; a field cut off at the end is returned as far as it goes */
    static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = null;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
                field.append(line);     // RFC 5322 §2.2.3: unfolding removes only the CRLF
                continue;
            }
            if (field != null) {
                fields.add(field.toString());
            }
            field = new StringBuilder(line);
        }
        if (field != null) {
            fields.add(field.toString());
        }
        return fields;
    }
}
