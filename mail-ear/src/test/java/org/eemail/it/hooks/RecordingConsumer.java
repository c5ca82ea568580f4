// SPDX-License-Identifier: Apache-2.0
package org.eemail.it.hooks;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.eemail.api.MailConsumer;
import org.eemail.api.MailEnvelope;
import org.eemail.api.ReceivedMessage;

/** Records each message to record@hooks.test, an address without an account. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "consumerName", propertyValue = "it-record"),
    @ActivationConfigProperty(propertyName = "recipient", propertyValue = "record@hooks.test"),
    @ActivationConfigProperty(propertyName = "consumes", propertyValue = "true")
})
public class RecordingConsumer implements MailConsumer {

    @Override
    public void onMail(MailEnvelope envelope, ReceivedMessage message) {
        try {
            HookLog.write("record " + message.id() + " " + message.mime().getSubject().replace(' ', '_'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
