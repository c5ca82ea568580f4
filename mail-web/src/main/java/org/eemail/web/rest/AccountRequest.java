// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/**
 * {@code POST /accounts}.
 *
 * @param quota bytes, 0 for unlimited; absent means {@code mail.account.default-quota}
 */
public record AccountRequest(String address, String password, Long quota) {

    @Override
    public String toString() {
        return "AccountRequest[address=" + address + ", quota=" + quota + "]";
    }
}
