// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** {@code PUT /accounts/{address}/apop-secret}. */
public record ApopSecretRequest(String secret) {

    @Override
    public String toString() {
        return "ApopSecretRequest[]";
    }
}
