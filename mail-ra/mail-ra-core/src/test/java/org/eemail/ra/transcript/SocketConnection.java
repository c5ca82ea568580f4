// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Plays a transcript over a real connection to a listener. Closing it closes the socket. */
public final class SocketConnection implements TranscriptConnection, AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public SocketConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void sendOctets(byte[] octets) throws IOException {
        out.write(octets);
        out.flush();
    }

    /** Wraps the socket in TLS and completes the handshake, trusting any certificate. */
    @Override
    public void startTls(String where) throws IOException {
        try {
            SSLContext context = TrustAnything.clientContext();
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket,
                    socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            tls.startHandshake();
            socket = tls;
            in = tls.getInputStream();
            out = tls.getOutputStream();
        } catch (GeneralSecurityException e) {
            throw new IOException(where + ": cannot start TLS", e);
        }
    }

    /** Reads up to CRLF; a line that ends otherwise is an error of the server. */
    @Override
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1; b = in.read()) {
                line.write(b);
                byte[] bytes = line.toByteArray();
                int n = bytes.length;
                if (n >= 2 && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                    return new String(bytes, 0, n - 2, StandardCharsets.UTF_8);
                }
            }
        } catch (SocketTimeoutException silent) {
            throw new AssertionError("the server sent no complete line within " + READ_TIMEOUT_MILLIS + " ms");
        } catch (IOException reset) {
            return null; // a reset after the server's close counts as closed
        }
        if (line.size() > 0) {
            throw new AssertionError("the server closed after a line without CRLF: " + line);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
