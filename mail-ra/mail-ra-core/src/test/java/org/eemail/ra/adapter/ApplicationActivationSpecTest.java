// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import java.time.Duration;
import org.eemail.ra.hook.Selection;
import org.junit.jupiter.api.Test;

class ApplicationActivationSpecTest {

    private static String failure(ApplicationActivationSpec spec) {
        return assertThrows(InvalidPropertyException.class, spec::validate).getMessage();
    }

    @Test
    void aPolicyWithoutPropertiesSeesAllMailWithTheDefaultBudget() throws Exception {
        PolicyActivationSpec spec = new PolicyActivationSpec();
        spec.validate();
        assertEquals(Duration.ofSeconds(5), spec.timeBudget());
        Selection all = spec.selection();
        assertTrue(all.matches("", "anyone@anywhere.test"));
    }

    @Test
    void theSelectionCombinesRecipientDomainAndSender() throws Exception {
        PolicyActivationSpec spec = new PolicyActivationSpec();
        spec.setRecipient("orders+*@Example.test");
        spec.setDomain("EXAMPLE.test");
        spec.setSender("*@shop.test");
        Selection selection = spec.selection();
        assertTrue(selection.matches("buyer@shop.test", "ORDERS+17@example.test"));
        assertFalse(selection.matches("buyer@other.test", "orders+17@example.test"));
        assertFalse(selection.matches("buyer@shop.test", "orders@example.test"));
        assertFalse(selection.matches("", "orders+1@example.test"));
    }

    @Test
    void aBadPropertyIsNamed() {
        PolicyActivationSpec recipient = new PolicyActivationSpec();
        recipient.setRecipient("orders");
        assertTrue(failure(recipient).startsWith("activation property recipient = 'orders' is invalid"), failure(recipient));

        PolicyActivationSpec domain = new PolicyActivationSpec();
        domain.setDomain("exa mple.test");
        assertTrue(failure(domain).startsWith("activation property domain"));

        PolicyActivationSpec sender = new PolicyActivationSpec();
        sender.setSender("a b@example.test");
        assertTrue(failure(sender).startsWith("activation property sender"));

        PolicyActivationSpec budget = new PolicyActivationSpec();
        budget.setTimeBudgetMillis(0L);
        assertTrue(failure(budget).startsWith("activation property timeBudgetMillis"));
        budget.setTimeBudgetMillis(60_001L);
        assertTrue(failure(budget).startsWith("activation property timeBudgetMillis"));
    }

    @Test
    void aConsumerNeedsAStableName() throws Exception {
        ConsumerActivationSpec spec = new ConsumerActivationSpec();
        assertTrue(failure(spec).startsWith("activation property consumerName = 'null'"));
        spec.setConsumerName("orders app");
        assertTrue(failure(spec).startsWith("activation property consumerName"));
        spec.setConsumerName("orders-app.v1");
        spec.validate();
        assertEquals(new ConsumerActivationSpec.ConsumerSettings("orders-app.v1", false, 10), spec.consumer());
    }

    @Test
    void consumingNeedsARecipientAndNoSender() throws Exception {
        ConsumerActivationSpec spec = new ConsumerActivationSpec();
        spec.setConsumerName("orders");
        spec.setConsumes(true);
        assertTrue(failure(spec).startsWith("activation property consumes"));
        spec.setRecipient("orders@example.test");
        spec.validate();
        spec.setSender("*@shop.test");
        assertTrue(failure(spec).startsWith("activation property consumes"));
        spec.setSender(null);
        spec.setMaxAttempts(0);
        assertTrue(failure(spec).startsWith("activation property maxAttempts"));
    }
}
