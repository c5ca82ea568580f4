// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.EnumSet;
import java.util.Set;

/** The states of a POP3 session, RFC 1939 §3. */
public enum Pop3State {
    /** Before a successful login. */
    AUTHORIZATION,
    /** Logged in, the maildrop locked and its message list fixed. */
    TRANSACTION,
    /** QUIT was given in TRANSACTION (or the connection ended): nothing more is read. */
    UPDATE;

    static final Set<Pop3State> ANY = EnumSet.of(AUTHORIZATION, TRANSACTION);
}
