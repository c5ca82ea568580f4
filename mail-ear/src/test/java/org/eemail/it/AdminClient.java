// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/** A client of the administration API, as curl would use it: JSON over HTTP Basic. */
final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final Optional<String> authorization;

    private AdminClient(URI server, Optional<String> authorization) {
        this.server = server;
        this.authorization = authorization;
    }

    static AdminClient asAdmin() {
        return as("admin", Server.ADMIN_PASSWORD);
    }

    /** The administrator of another server than the one the build started, such as a {@link ServerProcess}. */
    static AdminClient asAdmin(URI server) {
        return new AdminClient(server, basic("admin", Server.ADMIN_PASSWORD));
    }

    static AdminClient as(String user, String password) {
        return new AdminClient(Server.http("/"), basic(user, password));
    }

    static AdminClient anonymous() {
        return new AdminClient(Server.http("/"), Optional.empty());
    }

    private static Optional<String> basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Optional.of("Basic " + token);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A GET for another representation than JSON, such as {@code message/rfc822}. */
    Reply get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    /** An HTTP answer: status, body, and the body as JSON where it is JSON. */
    record Reply(int status, String body, HttpResponse<String> response) {

        JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            } catch (RuntimeException notJson) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, notJson);
            }
        }

        JsonObject object() {
            return json().asJsonObject();
        }

        /** The reason of an error reply, {@code {"error": "..."}}. */
        String error() {
            JsonValue error = object().get("error");
            if (error == null) {
                throw new AssertionError("no error reason in: " + body);
            }
            return ((jakarta.json.JsonString) error).getString();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        URI location() {
            return URI.create(header("Location").orElseThrow(() -> new AssertionError("no Location header")));
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
