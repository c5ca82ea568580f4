// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

/** The body of every error answer: {@code {"error":"<reason>"}}. */
public record ErrorView(String error) {
}
