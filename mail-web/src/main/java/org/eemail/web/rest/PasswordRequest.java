// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** {@code PUT /accounts/{address}/password}. */
public record PasswordRequest(String password) {

    @Override
    public String toString() {
        return "PasswordRequest[]";
    }
}
