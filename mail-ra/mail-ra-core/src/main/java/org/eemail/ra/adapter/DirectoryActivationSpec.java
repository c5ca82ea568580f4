// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.Activation;
import org.eemail.ra.api.MailDirectory;

/** Activates the bean that implements {@link MailDirectory}: one per server. */
@Activation(messageListeners = MailDirectory.class)
public class DirectoryActivationSpec extends MailActivationSpec {
}
