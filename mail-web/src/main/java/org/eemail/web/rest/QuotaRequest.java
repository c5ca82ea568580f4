// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/**
 * The body of {@code PUT /api/v1/accounts/{address}/quota}.
 *
 * @param quota bytes, 0 for unlimited
 */
public record QuotaRequest(Long quota) {
}
