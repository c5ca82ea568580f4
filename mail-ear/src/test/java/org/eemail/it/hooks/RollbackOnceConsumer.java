// SPDX-License-Identifier: Apache-2.0
package org.eemail.it.hooks;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eemail.api.MailConsumer;
import org.eemail.api.MailEnvelope;
import org.eemail.api.ReceivedMessage;

/**
 * Rolls the first call for each message back with {@code setRollbackOnly()} and returns normally,
 * as a bean that found a business reason not to commit would: the server must call again.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "consumerName", propertyValue = "it-rollback"),
    @ActivationConfigProperty(propertyName = "recipient", propertyValue = "rollback@hooks.test"),
    @ActivationConfigProperty(propertyName = "consumes", propertyValue = "true")
})
public class RollbackOnceConsumer implements MailConsumer {

    private static final Set<String> ROLLED_BACK = ConcurrentHashMap.newKeySet();

    @Resource
    private MessageDrivenContext context;

    @Override
    public void onMail(MailEnvelope envelope, ReceivedMessage message) {
        if (ROLLED_BACK.add(message.id())) {
            HookLog.write("rollback-first " + message.id());
            context.setRollbackOnly();
            return;
        }
        HookLog.write("rollback-again " + message.id());
    }
}
