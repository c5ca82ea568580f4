// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

/** The protocols a listener speaks. */
public enum Protocol {
    SMTP,
    POP3
}
