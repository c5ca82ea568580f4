// SPDX-License-Identifier: Apache-2.0
package org.eemail.examples.echo;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eemail.api.MailEnvelope;
import org.eemail.api.MailPolicy;
import org.eemail.api.PolicyVerdict;
import org.eemail.api.ReceivedMessage;

/**
 * Refuses mail from a blocked sender at the first RCPT, with {@code 550 5.7.1}. The server asks
 * this bean only about mail whose sender matches its {@code sender} activation property, so the
 * bean itself just says no; change the pattern in {@code ejb-jar.xml} without recompiling.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "sender", propertyValue = "*@blocked.example"),
    @ActivationConfigProperty(propertyName = "priority", propertyValue = "10")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BlockedSenderPolicy implements MailPolicy {

    @Override
    public PolicyVerdict checkRecipient(MailEnvelope envelope, String recipient) {
        return PolicyVerdict.reject(550, "5.7.1", "Sender address blocked by policy");
    }

    @Override
    public PolicyVerdict checkMessage(MailEnvelope envelope, ReceivedMessage message) {
        return PolicyVerdict.accept();  // never reached: no recipient was accepted
    }
}
