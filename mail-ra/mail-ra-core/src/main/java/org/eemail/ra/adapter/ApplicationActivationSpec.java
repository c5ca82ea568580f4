// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.Locale;
import java.util.Optional;
import org.eemail.ra.hook.AddressPattern;
import org.eemail.ra.hook.Selection;

/**
 * The activation properties every application bean has: which mail it receives
 * ({@code recipient}, {@code domain}, {@code sender}) and its place among several beans that
 * receive the same mail ({@code priority}, lowest first). {@link #validate()} names the first bad
 * property.
 */
public abstract class ApplicationActivationSpec extends MailActivationSpec {

    private static final String DOMAIN = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*";

    private String recipient;
    private String domain;
    private String sender;
    private Integer priority = 0;

    @Override
    public void validate() throws InvalidPropertyException {
        selection();
    }

    /** The validated selection. */
    public Selection selection() throws InvalidPropertyException {
        Optional<AddressPattern> recipientPattern = pattern("recipient", recipient);
        if (recipientPattern.isPresent() && recipient.indexOf('@') < 0) {
            throw invalid("recipient", recipient, "an address or pattern with '@', such as orders@example.test or *@shop.example.test");
        }
        Optional<String> domainName = Optional.ofNullable(domain).map(d -> d.toLowerCase(Locale.ROOT));
        if (domainName.isPresent() && !domainName.get().matches(DOMAIN)) {
            throw invalid("domain", domain, "a domain name such as example.test");
        }
        return new Selection(recipientPattern, domainName, pattern("sender", sender));
    }

    private static Optional<AddressPattern> pattern(String property, String value) throws InvalidPropertyException {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(AddressPattern.of(value));
        } catch (IllegalArgumentException e) {
            throw invalid(property, value, e.getMessage());
        }
    }

    static InvalidPropertyException invalid(String property, Object value, String expected) {
        return new InvalidPropertyException("activation property " + property + " = '" + value + "' is invalid: expected " + expected);
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    int priorityOrZero() {
        return priority == null ? 0 : priority;
    }
}
