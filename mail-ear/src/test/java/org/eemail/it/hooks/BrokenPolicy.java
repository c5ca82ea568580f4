// SPDX-License-Identifier: Apache-2.0
package org.eemail.it.hooks;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eemail.api.MailEnvelope;
import org.eemail.api.MailPolicy;
import org.eemail.api.PolicyVerdict;
import org.eemail.api.ReceivedMessage;

/** Throws at every recipient it sees. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "recipient", propertyValue = "broken@hooks.test")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokenPolicy implements MailPolicy {

    @Override
    public PolicyVerdict checkRecipient(MailEnvelope envelope, String recipient) {
        throw new IllegalStateException("the policy's rule engine is broken");
    }

    @Override
    public PolicyVerdict checkMessage(MailEnvelope envelope, ReceivedMessage message) {
        return PolicyVerdict.accept();
    }
}
