// SPDX-License-Identifier: Apache-2.0
/**
 * The public API of EE Mail Server: what an application implements, with its own message-driven
 * beans, to react to incoming mail. Compile against it with {@code provided} scope; the classes
 * come with the resource adapter ({@code mail-ra.rar}) at run time.
 *
 * <h2>Two kinds of listener</h2>
 * <ul>
 *   <li>{@link org.eemail.api.MailPolicy}, synchronous: consulted while the SMTP client waits, at
 *       each {@code RCPT TO} and once more at the end of the message text. Its
 *       {@link org.eemail.api.PolicyVerdict} accepts, rejects with a 5xx reply or defers with a 4xx
 *       reply that the client sees exactly as given.</li>
 *   <li>{@link org.eemail.api.MailConsumer}, after acceptance: each accepted message whose
 *       recipients or sender match the bean's activation properties is handed to it at least once,
 *       in a container transaction, also after a crash or a redeployment.</li>
 * </ul>
 *
 * <h2>Selecting mail</h2>
 * Activation properties of the bean ({@code @ActivationConfigProperty}) choose what it receives:
 * {@code recipient} (an address, or a pattern with {@code *}), {@code domain}, {@code sender}
 * (a pattern), {@code priority} (the order among several matching beans) and, for a policy,
 * {@code timeBudgetMillis}; for a consumer, {@code consumerName} (required, the durable key of its
 * dispatches) and {@code consumes}. The adapter validates them when the bean is activated and
 * names a bad one in the deployment error.
 *
 * <h2>Threads and transactions</h2>
 * Every call comes on a worker thread of the resource adapter, never a network thread; calls for
 * different messages run concurrently, up to the bean pool. Whether a call runs in a container
 * transaction follows the method's {@code @TransactionAttribute} (the default for a
 * message-driven bean, {@code REQUIRED}, gives one).
 */
package org.eemail.api;
