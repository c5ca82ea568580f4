// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

/**
 * What a delivery status notification returns of the message, as the sender asked with the
 * {@code RET} parameter of MAIL FROM (RFC 3461 §4.3).
 */
public enum DsnReturn {
    /** The whole message. */
    FULL,
    /** The header section only. */
    HDRS
}
