// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

/**
 * An output stream that wants only the beginning of a message, as POP3 TOP does (RFC 1939 §7):
 * {@link Maildrop#copy} asks {@link #complete()} between the chunks it writes and stops reading
 * the stored content once it is true, so that TOP of a 20 MB message does not read 20 MB.
 */
public interface PartialOutput {

    /** True once every further octet would be dropped: the copy may stop. */
    boolean complete();
}
