// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.Activation;
import org.eemail.ra.api.MessageAcceptor;

/** Activates the bean that implements {@link MessageAcceptor}: one per server. */
@Activation(messageListeners = MessageAcceptor.class)
public class AcceptorActivationSpec extends MailActivationSpec {
}
