// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** A request body or parameter the API refuses, answered with 400 and this reason. */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String reason) {
        super(reason);
    }
}
