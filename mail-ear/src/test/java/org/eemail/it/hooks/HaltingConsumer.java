// SPDX-License-Identifier: Apache-2.0
package org.eemail.it.hooks;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eemail.api.MailConsumer;
import org.eemail.api.MailEnvelope;
import org.eemail.api.ReceivedMessage;

/**
 * The first call stops the whole server process at once (as a crash or kill -9 would), after the
 * message was accepted and before any consumer committed; a marker file keeps the next process's
 * call from doing it again.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "consumerName", propertyValue = "it-halt"),
    @ActivationConfigProperty(propertyName = "recipient", propertyValue = "halt@hooks.test"),
    @ActivationConfigProperty(propertyName = "consumes", propertyValue = "true")
})
public class HaltingConsumer implements MailConsumer {

    @Override
    public void onMail(MailEnvelope envelope, ReceivedMessage message) {
        Path marker = Path.of(HookLog.file() + ".halted");
        if (!Files.exists(marker)) {
            try {
                Files.createFile(marker);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            HookLog.write("halting " + message.id());
            Runtime.getRuntime().halt(3);
        }
        HookLog.write("after-restart " + message.id());
    }
}
