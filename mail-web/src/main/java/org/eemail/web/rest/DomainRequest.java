// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** {@code POST /domains}: the name, Unicode or A-label form. */
public record DomainRequest(String name) {
}
