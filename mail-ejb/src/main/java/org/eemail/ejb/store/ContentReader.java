// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.io.IOException;
import java.io.InputStream;

/** Reads a stored message's content while the transaction that streams it is open. */
@FunctionalInterface
public interface ContentReader<T> {

    T read(InputStream content) throws IOException;
}
