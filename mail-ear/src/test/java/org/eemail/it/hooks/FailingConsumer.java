// SPDX-License-Identifier: Apache-2.0
package org.eemail.it.hooks;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.eemail.api.MailConsumer;
import org.eemail.api.MailEnvelope;
import org.eemail.api.ReceivedMessage;

/** Always throws, with one attempt allowed: its dispatches are parked at once. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "consumerName", propertyValue = "it-fail"),
    @ActivationConfigProperty(propertyName = "recipient", propertyValue = "fail@hooks.test"),
    @ActivationConfigProperty(propertyName = "consumes", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "maxAttempts", propertyValue = "1")
})
public class FailingConsumer implements MailConsumer {

    @Override
    public void onMail(MailEnvelope envelope, ReceivedMessage message) {
        HookLog.write("fail " + message.id());
        throw new IllegalStateException("the order system is down");
    }
}
