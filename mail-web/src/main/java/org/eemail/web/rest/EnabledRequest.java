// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** {@code PUT /accounts/{address}/enabled}. */
public record EnabledRequest(Boolean enabled) {
}
