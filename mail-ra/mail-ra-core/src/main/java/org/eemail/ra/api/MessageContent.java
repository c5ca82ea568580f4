// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * The text of a received message as the client sent it (without SMTP's dot-stuffing), valid only
 * during the call it is passed to: the adapter frees it afterwards. It may be held in memory or in
 * a temporary file; read it as a stream, not as a whole.
 */
public interface MessageContent {

    /** Its size in octets. */
    long size();

    /** A new stream over the text from its first octet; the caller closes it. */
    InputStream open() throws IOException;
}
