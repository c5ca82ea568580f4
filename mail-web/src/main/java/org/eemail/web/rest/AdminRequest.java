// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** {@code POST /admins}. */
public record AdminRequest(String username, String password) {

    @Override
    public String toString() {
        return "AdminRequest[username=" + username + "]";
    }
}
