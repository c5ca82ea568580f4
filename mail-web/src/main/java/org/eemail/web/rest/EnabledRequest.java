// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** {@code PUT /accounts/{address}/enabled}: its schema; the body is read as JSON, strictly boolean. */
public record EnabledRequest(Boolean enabled) {
}
