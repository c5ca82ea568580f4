// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

import java.util.Locale;

/** How a listener offers TLS. */
public enum TlsMode {
    /** Plain text, upgraded by STARTTLS (RFC 3207) or STLS (RFC 2595). */
    STARTTLS,
    /** TLS from the first byte (RFC 8314). */
    IMPLICIT;

    /** The lower-case name shown in listener lines and health data. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
