// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.Activation;
import org.eemail.ra.api.Maildrop;

/** Activates the bean that implements {@link Maildrop}: one per server. */
@Activation(messageListeners = Maildrop.class)
public class MaildropActivationSpec extends MailActivationSpec {
}
