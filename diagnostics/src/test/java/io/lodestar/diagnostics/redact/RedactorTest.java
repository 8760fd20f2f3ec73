package io.lodestar.diagnostics.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A corpus of realistic lines: each rule proven on Iggy config, connector config and log lines; clean lines unchanged. */
class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            encoding_secret = "top_secret$iggy123$_jwt_HS256_key#!"   | encoding_secret = "[REDACTED]"
            decoding_secret = 'top_secret'                           | decoding_secret = '[REDACTED]'
            key_secret = "secret"                                     | key_secret = "[REDACTED]"
            password = "iggy123"                                      | password = "[REDACTED]"
            [system] root password: changeme                          | [system] root password: [REDACTED]
            IGGY_ROOT_PASSWORD=s3cr3t-Pa55                            | IGGY_ROOT_PASSWORD=[REDACTED]
            export IGGY_HTTP_JWT_ENCODING_SECRET=abc.def              | export IGGY_HTTP_JWT_ENCODING_SECRET=[REDACTED]
            key = "q2hhbmdlLW1lLTMyLWJ5dGVzLWtleS1mb3ItYWVz"          | key = "[REDACTED]"
            api_key = "ck_live_12345"                                 | api_key = "[REDACTED]"
            apikey: abcdef                                            | apikey: [REDACTED]
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG             | aws_secret_access_key = [REDACTED]
            private_key = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"          | private_key = "[REDACTED]"
            credentials = "user-pass"                                 | credentials = "[REDACTED]"
            {"username": "iggy", "password": "pa\\"ss"}               | {"username": "iggy", "password": "[REDACTED]"}
            {"token":"eyJhbGciOiJIUzI1NiJ9.e30.sig"}                  | {"token":"[REDACTED]"}
            ld-api-key: ld_live_8f7e6d5c4b3a                          | ld-api-key: [REDACTED]
            X-Api-Key: 0123456789abcdef                               | X-Api-Key: [REDACTED]
            Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig    | Authorization: Bearer [REDACTED]
            authorization: Basic aWdneTppZ2d5                         | authorization: Basic [REDACTED]
            curl -H 'Authorization: Bearer abcdefgh123'               | curl -H 'Authorization: Bearer [REDACTED]'
            connection_string = "postgres://iggy:pg-s3cret@db:5432/app" | connection_string = "postgres://iggy:[REDACTED]@db:5432/app"
            dsn = "host=db user=iggy password=pg-s3cret dbname=app"   | dsn = "host=db user=iggy password=[REDACTED] dbname=app"
            GET /streams?access_token=abc123&page=2                   | GET /streams?access_token=[REDACTED]&page=2
            aws key AKIAIOSFODNN7EXAMPLE used                         | aws key [REDACTED] used
            temp key ASIAY34FZKBOKMUTVV7A here                        | temp key [REDACTED] here
            2026-06-01T10:00:00Z WARN login failed password=hunter2 user=bob | 2026-06-01T10:00:00Z WARN login failed password=[REDACTED] user=bob
            """)
    void eachRuleLeavesAMarker(String line, String expected) {
        assertThat(Redactor.redact(line.strip())).isEqualTo(expected.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[http.jwt]",
            "algorithm = \"HS256\"",
            "access_token_expiry = \"1 h\"",
            "refresh_token_expiry = 86400",
            "max_tokens_per_user = 100",
            "use_base64_secret = false",
            "key_file = \"certs/iggy_key.pem\"",
            "address = \"0.0.0.0:8090\"",
            "path = \"local_data\"",
            "endpoint = \"http://localhost:9000\"",
            "2026-06-01T10:00:00.123Z  INFO server::http: Started HTTP API on 127.0.0.1:3000",
            "2026-06-01T10:00:01.000Z ERROR server::streaming: failed to append to partition 3: No space left on device",
            "monkey = banana",
            "-----BEGIN CERTIFICATE-----",
            "password_file = \"/etc/iggy/root.pass\"",
            ""})
    void linesWithoutSecretsAreUnchanged(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
        assertThat(Redactor.containsSecret(line)).isFalse();
    }

    @Test
    void pemPrivateKeyBlocksAreRedactedAcrossLines() {
        String pem = "tls:\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkQ2FZ2\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----\nafter\n";
        assertThat(Redactor.redact(pem))
                .isEqualTo("tls:\n-----BEGIN EC PRIVATE KEY-----[REDACTED]-----END EC PRIVATE KEY-----\nafter\n");
    }

    @Test
    void aPemBlockCutOffByALogTailIsRedactedToTheEnd() {
        assertThat(Redactor.redact("x\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\nhkiG9w0"))
                .isEqualTo("x\n-----BEGIN PRIVATE KEY-----[REDACTED]");
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = Redactor.redact("password = \"x\" and Authorization: Bearer abcdefghijk");
        assertThat(Redactor.redact(once)).isEqualTo(once);
    }
}
