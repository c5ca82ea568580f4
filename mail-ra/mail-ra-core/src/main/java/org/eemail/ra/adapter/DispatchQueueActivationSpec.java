// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.Activation;
import org.eemail.ra.api.DispatchQueue;

/** Activates the bean that implements {@link DispatchQueue}: one per server. */
@Activation(messageListeners = DispatchQueue.class)
public class DispatchQueueActivationSpec extends MailActivationSpec {
}
