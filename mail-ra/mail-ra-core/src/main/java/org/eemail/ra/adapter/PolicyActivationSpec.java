// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.InvalidPropertyException;
import java.time.Duration;
import org.eemail.api.MailPolicy;

/**
 * Activates an application's {@link MailPolicy} bean. Besides the selection of
 * {@link ApplicationActivationSpec}: {@code timeBudgetMillis}, how long the client may wait for
 * one call (default 5000, at most 60000); a call over budget counts as {@code 451 4.3.0}.
 */
@Activation(messageListeners = MailPolicy.class)
public class PolicyActivationSpec extends ApplicationActivationSpec {

    static final long MAX_BUDGET_MILLIS = 60_000;

    private Long timeBudgetMillis = 5_000L;

    @Override
    public void validate() throws InvalidPropertyException {
        super.validate();
        timeBudget();
    }

    /** The validated budget. */
    public Duration timeBudget() throws InvalidPropertyException {
        if (timeBudgetMillis == null || timeBudgetMillis < 1 || timeBudgetMillis > MAX_BUDGET_MILLIS) {
            throw invalid("timeBudgetMillis", timeBudgetMillis, "milliseconds from 1 to " + MAX_BUDGET_MILLIS);
        }
        return Duration.ofMillis(timeBudgetMillis);
    }

    public Long getTimeBudgetMillis() {
        return timeBudgetMillis;
    }

    public void setTimeBudgetMillis(Long timeBudgetMillis) {
        this.timeBudgetMillis = timeBudgetMillis;
    }
}
