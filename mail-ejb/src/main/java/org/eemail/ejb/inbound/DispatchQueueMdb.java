// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.inbound;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eemail.ejb.db.SchemaMigration;
import org.eemail.ejb.domain.Dispatch;
import org.eemail.ejb.store.DispatchStore;
import org.eemail.ejb.store.MessageStore;
import org.eemail.ejb.store.StoreException;
import org.eemail.ra.api.ConsumerDispatch;
import org.eemail.ra.api.DispatchQueue;

/**
 * The dispatches to application consumers, as the adapter's delivery run asks for them. Each
 * call runs in the transaction the adapter brackets around it.
 */
@MessageDriven
public class DispatchQueueMdb implements DispatchQueue {

    @EJB
    private DispatchStore dispatches;

    @EJB
    private MessageStore messages;

    @EJB
    private SchemaMigration schema;

    /** The adapter asks as soon as this bean is active, perhaps before the application started. */
    @Override
    public List<ConsumerDispatch> claimDue(Set<String> consumers, int max, Duration claim) {
        schema.awaitSchema();
        return dispatches.claimDue(consumers, max, claim).stream().map(DispatchQueueMdb::view).toList();
    }

    private static ConsumerDispatch view(Dispatch d) {
        return new ConsumerDispatch(d.getId(), d.getConsumer(), d.getStoredMessageId(), d.getAttempts(), d.getSender(),
                d.getRecipients(), d.getClientAddress(), d.getHeloName(), Optional.ofNullable(d.getIdentity()),
                d.isTls(), 0);
    }

    @Override
    public boolean copy(long messageId, OutputStream out) {
        InputStream content;
        try {
            content = messages.content(messageId);
        } catch (StoreException gone) {
            return false;
        }
        try (InputStream in = content) {
            in.transferTo(out);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy stored message " + messageId, e);
        }
    }

    @Override
    public void succeeded(long dispatchId) {
        dispatches.succeeded(dispatchId);
    }

    @Override
    public void failed(long dispatchId, String error, Duration retryIn, boolean park) {
        dispatches.failed(dispatchId, error, retryIn, park);
    }
}
