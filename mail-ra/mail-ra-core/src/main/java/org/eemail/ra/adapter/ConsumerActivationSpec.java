// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.InvalidPropertyException;
import org.eemail.api.MailConsumer;

/**
 * Activates an application's {@link MailConsumer} bean. Besides the selection of
 * {@link ApplicationActivationSpec}:
 * <ul>
 *   <li>{@code consumerName}, required: the durable key of the bean's dispatches in the database,
 *       so it must stay the same across redeployments and differ between consumers: letters,
 *       digits, {@code .}, {@code _} and {@code -}, at most 100;</li>
 *   <li>{@code consumes}, default false: the bean takes the addresses its {@code recipient}
 *       pattern matches for itself: mail to them is accepted in this server's domains even without
 *       an account, and is not put in a mailbox (not with a {@code sender} pattern, since an
 *       address is consumed for every sender);</li>
 *   <li>{@code maxAttempts}, default 10: calls that fail before the dispatch is parked.</li>
 * </ul>
 */
@Activation(messageListeners = MailConsumer.class)
public class ConsumerActivationSpec extends ApplicationActivationSpec {

    private String consumerName;
    private Boolean consumes = false;
    private Integer maxAttempts = 10;

    @Override
    public void validate() throws InvalidPropertyException {
        super.validate();
        consumer();
    }

    /** The validated name and delivery settings. */
    public ConsumerSettings consumer() throws InvalidPropertyException {
        if (consumerName == null || !consumerName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw invalid("consumerName", consumerName,
                    "a name that stays the same across deployments: 1 to 100 letters, digits, '.', '_' or '-'");
        }
        if (Boolean.TRUE.equals(consumes) && getRecipient() == null) {
            throw invalid("consumes", consumes, "false unless a recipient address or pattern is given");
        }
        if (Boolean.TRUE.equals(consumes) && getSender() != null) {
            throw invalid("consumes", consumes, "false when a sender pattern is given: consumed addresses are the application's for every sender");
        }
        if (maxAttempts == null || maxAttempts < 1 || maxAttempts > 1000) {
            throw invalid("maxAttempts", maxAttempts, "a number of attempts from 1 to 1000");
        }
        return new ConsumerSettings(consumerName, Boolean.TRUE.equals(consumes), maxAttempts);
    }

    /**
     * @param name        the durable key of the consumer's dispatches
     * @param consumes    whether matching addresses are the application's and not a mailbox's
     * @param maxAttempts calls before a dispatch is parked
     */
    public record ConsumerSettings(String name, boolean consumes, int maxAttempts) {
    }

    public String getConsumerName() {
        return consumerName;
    }

    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }

    public Boolean getConsumes() {
        return consumes;
    }

    public void setConsumes(Boolean consumes) {
        this.consumes = consumes;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }
}
