// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.EsmtpParameters;
import org.eemail.ra.smtp.MailPath;
import org.eemail.ra.smtp.MailTransaction;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpRefusal;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpSession;

/**
 * MAIL FROM, RFC 5321 §4.1.1.2: starts a transaction. Parameters: SIZE (RFC 1870 §6: a declared
 * size over the limit is 552 5.3.4 at once), BODY=7BIT|8BITMIME (RFC 6152; BINARYMIME is not
 * offered), SMTPUTF8 (RFC 6531 §3.4; a non-ASCII path without it is 553 5.6.7), RET and ENVID
 * (RFC 3461 §4.3, §4.4), AUTH (RFC 4954 §5: checked, then ignored). An authenticated client may
 * only use its own addresses (RFC 6409 §6.1); on submission listeners AUTH comes first (see
 * {@code SmtpVerb}).
 */
public final class MailFromHandler implements SmtpCommandHandler {

    /** RFC 3461 §4.4: ENVID is at most 100 characters. */
    private static final int MAX_ENVID = 100;

    @Override
    public Response handle(SmtpSession session, String argument) {
        try {
            MailPath path = MailPath.reversePath(argument);
            MailTransaction transaction = transaction(session, path.address(), EsmtpParameters.parse(path.parameters()));
            if (!path.ascii() && !transaction.smtpUtf8()) {
                return Response.of(SmtpReplies.NEEDS_SMTPUTF8);
            }
            Optional<String> identity = session.identity();
            if (identity.isPresent() && !session.backend().mayUseSender(identity.get(), path.address())) {
                return Response.of(SmtpReplies.SENDER_NOT_OWNED);
            }
            session.beginTransaction(transaction);
            return Response.of(SmtpReplies.SENDER_OK);
        } catch (SmtpRefusal refusal) {
            return Response.of(refusal.reply());
        } catch (RuntimeException failure) {
            session.backendFailed("mayUseSender", failure);
            return Response.of(SmtpReplies.TEMPORARY_FAILURE);
        }
    }

    private static MailTransaction transaction(SmtpSession session, String sender, Map<String, String> parameters)
            throws SmtpRefusal {
        Envelope.BodyType body = Envelope.BodyType.SEVEN_BIT;
        Optional<Envelope.Ret> ret = Optional.empty();
        Optional<String> envelopeId = Optional.empty();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> checkSize(session, required(value));
                case "BODY" -> body = body(required(value));
                case "SMTPUTF8" -> none(value);
                case "RET" -> ret = Optional.of(ret(required(value)));
                case "ENVID" -> envelopeId = Optional.of(envelopeId(required(value)));
                case "AUTH" -> auth(required(value));
                default -> throw new SmtpRefusal(SmtpReplies.UNSUPPORTED_PARAMETER);
            }
        }
        return MailTransaction.begin(sender, body, parameters.containsKey("SMTPUTF8"), ret, envelopeId);
    }

    private static String required(String value) throws SmtpRefusal {
        if (value == null) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
        return value;
    }

    private static void none(String value) throws SmtpRefusal {
        if (value != null) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
    }

    private static void checkSize(SmtpSession session, String value) throws SmtpRefusal {
        if (!value.matches("[0-9]{1,20}")) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
        if (value.length() > 18 || Long.parseLong(value) > session.settings().maxMessageSize()) {
            throw new SmtpRefusal(SmtpReplies.MESSAGE_TOO_LARGE);
        }
    }

    private static Envelope.BodyType body(String value) throws SmtpRefusal {
        switch (value.toUpperCase(Locale.ROOT)) {
            case "7BIT":
                return Envelope.BodyType.SEVEN_BIT;
            case "8BITMIME":
                return Envelope.BodyType.EIGHT_BIT_MIME;
            default:
                throw new SmtpRefusal(SmtpReplies.UNSUPPORTED_PARAMETER);
        }
    }

    private static Envelope.Ret ret(String value) throws SmtpRefusal {
        switch (value.toUpperCase(Locale.ROOT)) {
            case "FULL":
                return Envelope.Ret.FULL;
            case "HDRS":
                return Envelope.Ret.HDRS;
            default:
                throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
    }

    private static String envelopeId(String value) throws SmtpRefusal {
        String decoded = EsmtpParameters.xtext(value);
        if (decoded.isEmpty() || decoded.length() > MAX_ENVID) {
            throw new SmtpRefusal(SmtpReplies.SYNTAX_ERROR);
        }
        return decoded;
    }

    /** RFC 4954 §5: {@code AUTH=<>} or an xtext mailbox; either way this server ignores it. */
    private static void auth(String value) throws SmtpRefusal {
        if (!value.equals("<>")) {
            EsmtpParameters.xtext(value);
        }
    }
}
