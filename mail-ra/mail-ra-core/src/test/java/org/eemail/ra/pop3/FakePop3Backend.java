// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.api.PartialOutput;
import org.eemail.ra.transcript.Pop3Fixture;

/**
 * The POP3 fixture of {@code transcripts/README.txt} in memory: carol@example.test (carol-pw, APOP
 * secret carol-apop) with three messages, dora@example.test (dora-pw) with none, and alice and bob
 * with the SMTP fixture's passwords. Each message starts with the {@code Return-Path} and
 * {@code Received} fields the deployed server adds when the fixture sends it by SMTP. Keeps one lock
 * per maildrop, copies in chunks as the store does (stopping when TOP has what it needs), and
 * records what UPDATE removed.
 */
public final class FakePop3Backend implements Pop3Backend {

    private static final Map<String, String> PASSWORDS = Map.of(
            "alice@example.test", "alice-pw",
            "bob@example.test", "bob-pw",
            "carol@example.test", "carol-pw",
            "dora@example.test", "dora-pw");
    /** Octets per write when copying, as the store reads them: a complete TOP stops the copy. */
    static final int CHUNK = 4096;
    private static final Map<String, String> APOP_SECRETS = Map.of("carol@example.test", "carol-apop");

    private final Map<String, Map<Long, byte[]>> maildrops = new HashMap<>();
    private final Map<String, String> locks = new HashMap<>();
    private final List<Long> removed = new ArrayList<>();
    private final List<List<Long>> reads = new ArrayList<>();
    private int copies;
    private RuntimeException failure;
    private int copied;

    public FakePop3Backend() {
        for (String account : PASSWORDS.keySet()) {
            maildrops.put(account, new LinkedHashMap<>());
        }
        long uid = 100;
        for (String message : Pop3Fixture.CAROL_MESSAGES) {
            maildrops.get("carol@example.test").put(++uid, withTrace("carol@example.test", message));
        }
    }

    /** The message as the deployed server stores it: Return-Path, Received, then the text. */
    static byte[] withTrace(String recipient, String message) {
        return ("Return-Path: <fixture@elsewhere.example>\r\n"
                + "Received: from fixture.test ([127.0.0.1])\r\n"
                + "\tby mx.test with ESMTP id 0123456789AB-1\r\n"
                + "\tfor <" + recipient + ">;\r\n"
                + "\tSun, 29 Nov 2026 00:00:00 +0000\r\n" + message).getBytes(StandardCharsets.UTF_8);
    }

    /** Every later call throws {@code next}, as a broken database would. */
    public void failWith(RuntimeException next) {
        failure = next;
    }

    /** Adds a message to {@code account}'s maildrop, as a delivery would; returns its uid. */
    public long deliver(String account, byte[] content) {
        Map<Long, byte[]> maildrop = maildrops.get(account);
        long uid = 1000 + maildrop.size() + removed.size();
        maildrop.put(uid, content);
        return uid;
    }

    /** Removes a message from {@code account}'s maildrop, as another session or the API would. */
    public void removeElsewhere(String account, long uid) {
        maildrops.get(account).remove(uid);
    }

    /** Octets in {@code account}'s maildrop. */
    public long sizeOf(String account) {
        return maildrops.get(account).values().stream().mapToLong(content -> content.length).sum();
    }

    /** The uids UPDATE removed so far. */
    public List<Long> removed() {
        return removed;
    }

    /** The session holding {@code account}'s lock, if any. */
    public Optional<String> lockHolder(String account) {
        return Optional.ofNullable(locks.get(account));
    }

    /** {@code account}'s maildrop is locked by a session that is not one of the test's. */
    public void lockElsewhere(String account) {
        locks.put(account, "elsewhere");
    }

    private void maybeFail() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Optional<String> authenticate(String username, String password) {
        maybeFail();
        String account = username.toLowerCase(Locale.ROOT);
        return password.equals(PASSWORDS.get(account)) ? Optional.of(account) : Optional.empty();
    }

    @Override
    public Optional<String> authenticateApop(String username, String timestamp, String digest) {
        maybeFail();
        String secret = APOP_SECRETS.get(username);
        return secret != null && md5Hex(timestamp + secret).equals(digest) ? Optional.of(username) : Optional.empty();
    }

    /** RFC 1939 §7: the lower-case hex MD5 an APOP client sends. */
    public static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<List<MaildropEntry>> open(String account, String session) {
        maybeFail();
        if (locks.putIfAbsent(account, session) != null) {
            return Optional.empty();
        }
        List<MaildropEntry> entries = new ArrayList<>();
        maildrops.get(account).forEach((uid, content) -> entries.add(new MaildropEntry(uid, content.length)));
        return Optional.of(entries);
    }

    @Override
    public boolean copy(String account, long uid, OutputStream out) {
        maybeFail();
        copies++;
        byte[] content = maildrops.get(account).get(uid);
        if (content == null) {
            return false;
        }
        copied = 0;
        try {
            while (copied < content.length && !(out instanceof PartialOutput partial && partial.complete())) {
                int length = Math.min(CHUNK, content.length - copied);
                out.write(content, copied, length);
                copied += length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Octets the last {@link #copy} read of its message. */
    public int copied() {
        return copied;
    }

    /** How many times {@link #copy} was called. */
    public int copies() {
        return copies;
    }

    @Override
    public Map<Long, byte[]> read(String account, List<Long> uids) {
        maybeFail();
        reads.add(List.copyOf(uids));
        Map<Long, byte[]> contents = new HashMap<>();
        for (long uid : uids) {
            byte[] content = maildrops.get(account).get(uid);
            if (content != null) {
                contents.put(uid, content.clone());
            }
        }
        return contents;
    }

    /** The uids each {@link #read} asked for, in order. */
    public List<List<Long>> reads() {
        return reads;
    }

    @Override
    public boolean update(String account, String session, Set<Long> deleted) {
        maybeFail();
        if (!session.equals(locks.get(account))) {
            return false;
        }
        maildrops.get(account).keySet().removeAll(deleted);
        removed.addAll(deleted);
        locks.remove(account);
        return true;
    }

    @Override
    public void release(String account, String session) {
        maybeFail();
        locks.remove(account, session);
    }
}
