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

/** Takes 3 s over a recipient with a budget of 500 ms. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "recipient", propertyValue = "slow@hooks.test"),
    @ActivationConfigProperty(propertyName = "timeBudgetMillis", propertyValue = "500")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlowPolicy implements MailPolicy {

    @Override
    public PolicyVerdict checkRecipient(MailEnvelope envelope, String recipient) {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return PolicyVerdict.accept();
    }

    @Override
    public PolicyVerdict checkMessage(MailEnvelope envelope, ReceivedMessage message) {
        return PolicyVerdict.accept();
    }
}
