// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import java.util.List;

/** {@code POST /aliases}: the alias's address and where its mail goes. */
public record AliasRequest(String address, List<String> targets) {
}
