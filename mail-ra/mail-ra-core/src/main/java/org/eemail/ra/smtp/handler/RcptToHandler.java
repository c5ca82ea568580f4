// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.api.Recipient;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.api.AddressInfo;
import org.eemail.ra.smtp.EsmtpParameters;
import org.eemail.ra.smtp.MailPath;
import org.eemail.ra.smtp.MailTransaction;
import org.eemail.ra.smtp.RelayPolicy;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpRefusal;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpReply;
import org.eemail.ra.smtp.SmtpSession;

/**
 * RCPT TO, RFC 5321 §4.1.1.3: adds a recipient, after the {@link RelayPolicy} and then the
 * applications' policies accepted it.
 * {@code <postmaster>} is the local postmaster (§4.5.1). Parameters: NOTIFY and ORCPT (RFC 3461
 * §4.1, §4.2). More than the recipient limit is 452 4.5.3 (§4.5.3.1.10); a non-ASCII address
 * in a transaction without SMTPUTF8 is 553 5.6.7 (RFC 6531 §3.5).
 */
public final class RcptToHandler implements SmtpCommandHandler {

    @Override
    public Response handle(SmtpSession session, String argument) {
        MailTransaction transaction = session.transaction();
        try {
            MailPath path = MailPath.forwardPath(argument, session.hostname());
            Recipient recipient = recipient(path.address(), EsmtpParameters.parse(path.parameters()));
            if (!path.ascii() && !transaction.smtpUtf8()) {
                return Response.of(SmtpReplies.NEEDS_SMTPUTF8);
            }
            if (transaction.recipients().size() >= session.settings().maxRecipients()) {
                return Response.of(SmtpReplies.TOO_MANY_RECIPIENTS);
            }
            AddressInfo info = session.backend().lookup(path.address());
            Optional<SmtpReply> refusal = RelayPolicy.refusal(info, session.identity().isPresent(), session.trustedClient());
            if (refusal.isPresent()) {
                return Response.of(refusal.get());
            }
            Verdict verdict = session.backend().checkRecipient(
                    transaction.soFar(session.connection().clientAddress(), session.heloName(), session.identity(), session.tls()),
                    path.address());
            if (verdict.kind() != Verdict.Kind.ACCEPT) {
                return Response.of(SmtpReplies.refusal(verdict));
            }
            long quota = info.kind() == AddressInfo.Kind.LOCAL ? info.quotaLeft() : Long.MAX_VALUE;
            session.updateTransaction(transaction.with(recipient, quota));
            return Response.of(SmtpReplies.RECIPIENT_OK);
        } catch (SmtpRefusal refusal) {
            return Response.of(refusal.reply());
        } catch (RuntimeException failure) {
            session.backendFailed("lookup", failure);
            return Response.of(SmtpReplies.TEMPORARY_FAILURE);
        }
    }

    private static Recipient recipient(String address, Map<String, String> parameters) throws SmtpRefusal {
        Set<Recipient.Notify> notify = EnumSet.noneOf(Recipient.Notify.class);
        Optional<String> original = Optional.empty();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            if (value == null) {
                throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
            }
            switch (parameter.getKey()) {
                case "NOTIFY" -> notify = notify(value);
                case "ORCPT" -> original = Optional.of(original(value));
                default -> throw new SmtpRefusal(SmtpReplies.UNSUPPORTED_PARAMETER);
            }
        }
        return new Recipient(address, notify, original);
    }

    /** RFC 3461 §4.1: NEVER alone, or a list of SUCCESS, FAILURE and DELAY. */
    private static Set<Recipient.Notify> notify(String value) throws SmtpRefusal {
        Set<Recipient.Notify> notify = EnumSet.noneOf(Recipient.Notify.class);
        for (String keyword : value.toUpperCase(Locale.ROOT).split(",", -1)) {
            try {
                if (!notify.add(Recipient.Notify.valueOf(keyword))) {
                    throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
                }
            } catch (IllegalArgumentException unknown) {
                throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
            }
        }
        if (notify.contains(Recipient.Notify.NEVER) && notify.size() > 1) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
        return notify;
    }

    /** RFC 3461 §4.2: {@code addr-type ";" xtext}, kept decoded as {@code addr-type;address}. */
    private static String original(String value) throws SmtpRefusal {
        int semicolon = value.indexOf(';');
        if (semicolon < 1 || !value.substring(0, semicolon).matches("[A-Za-z0-9-]+")) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
        String address = EsmtpParameters.xtext(value.substring(semicolon + 1));
        if (address.isEmpty()) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
        return value.substring(0, semicolon) + ";" + address;
    }
}
