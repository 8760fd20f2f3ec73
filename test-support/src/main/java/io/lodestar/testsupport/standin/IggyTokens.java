package io.lodestar.testsupport.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator does once per Iggy server before a Warden may read its figures: log in as root and create a
 * personal access token for the Warden (Iggy's {@code POST /users/login} and {@code POST /personal-access-tokens},
 * {@code core/server/src/http.rs:287,410}; the stand-in binds the same routes).
 */
public final class IggyTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IggyTokens() {
    }

    /** A token named "warden" that does not expire, created as user {@code iggy} with {@code password}. */
    public static String personalAccessToken(int httpPort, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + httpPort;
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/users/login"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "iggy",
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString()).body();
        String jwt = JSON.readTree(login).path("access_token").path("token").asText();
        String created = client.send(HttpRequest.newBuilder(URI.create(base + "/personal-access-tokens"))
                .header("Authorization", "Bearer " + jwt)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"warden\",\"expiry\":null}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = JSON.readTree(created).path("token").asText();
        if (token.isBlank()) {
            throw new IllegalStateException("no token from the server on port " + httpPort + ": login said " + login
                    + ", token creation said " + created);
        }
        return token;
    }
}
