// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.domain;

/**
 * A mail address or domain name that cannot be accepted, with the reason in words fit to show
 * the administrator who typed it. Unchecked: parsing happens where input arrives, and the only
 * useful reaction is to report the reason.
 */
public final class InvalidAddressException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAddressException(String reason) {
        super(reason);
    }
}
