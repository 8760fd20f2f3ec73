package io.lodestar.diagnostics.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TomlConfigTest {

    /** The shapes of Iggy's own {@code core/configs/server.toml}: comments, sizes and durations as strings, sub-tables. */
    static final String IGGY_SERVER = """
            # HTTP server configuration
            [http]
            enabled = true
            address = "0.0.0.0:3000" # all interfaces
            max_request_size = "2 MB"

            [http.cors]
            allowed_methods = ["GET", "POST", "PUT", "DELETE"]
            allowed_headers = [
              "content-type",
              "authorization", # the JWT
            ]
            exposed_headers = [""]

            [http.jwt]
            encoding_secret = "top_secret$iggy123$_jwt_HS256_key#!"
            access_token_expiry = "1 h"

            [http.tls]
            enabled = true
            cert_file = "core/certs/iggy_cert.pem"
            key_file = "core/certs/iggy_key.pem"

            [tcp]
            enabled = true
            address = "127.0.0.1:8090"

            [tcp.tls]
            enabled = false
            self_signed = true

            [quic]
            address = "127.0.0.1:8080"
            max_concurrent_bidi_streams = 10_000

            [system]
            path = "local_data"

            [system.logging]
            level = "warn,server=debug"
            retention = "7 days"

            [system.encryption]
            enabled = false
            key = ""

            [cluster]
            enabled = true
            name = "iggy-cluster"

            [cluster.auth]
            key = "psk"

            [[cluster.nodes]]
            name = "iggy-node-1"
            ip = "10.0.0.1"
            replica_id = 0
            ports = { tcp = 8090, quic = 8080, http = 3000, websocket = 8092, tcp_replica = 8093 }

            [[cluster.nodes]]
            name = "iggy-node-2"
            ip = "10.0.0.2"
            replica_id = 1
            ports = { tcp = 8090 }

            # a table of system may still follow the array of tables
            [system.sharding]
            cpu_allocation = "numa:auto"

            [websocket.tls]
            enabled = false
            """;

    /** The connectors runtime's config and one connector file, as the design notes describe them. */
    static final String CONNECTORS_RUNTIME = """
            [http]
            address = "127.0.0.1:8081"
            api_key = "secret"

            [iggy]
            address = "localhost:8090"
            token = "pat"

            [state]
            path = "local_state"

            [connectors]
            config_type = "local"
            config_dir = "connectors"
            """;

    static final String CONNECTOR = """
            type = "sink"
            key = "stdout"
            enabled = true
            version = 0
            path = "target/release/libiggy_connector_stdout_sink"

            [[streams]]
            stream = "example_stream"
            topics = ["example_topic"]
            poll_interval = "5ms"

            [plugin_config]
            index = \"""
            version: 0.9
            index_id: events
            \"""

            [transforms.add_fields]
            enabled = true

            [[transforms.add_fields.fields]]
            key = "message"
            value.static = "hello"
            """;

    /** The stand-in runtime reads the same files, plus its knobs under {@code [standin]}. */
    static final String STAND_IN = """
            [system]
            path = "data"

            [http]
            enabled = true
            address = "0.0.0.0:4000"

            [system.sharding]
            shutdown_join_timeout = "10 s"

            [standin]
            fail_health = true
            start_delay_ms = 250
            """;

    static final String VALID = "valid";

    /** @param verdict {@link #VALID}, or the start of the message the file is refused with */
    record Case(String name, String toml, String verdict) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // accepted by the Supervisor, so accepted here, whatever a line-by-line reading would make of them
                new Case("an empty file", "", VALID),
                new Case("Iggy server config", IGGY_SERVER, VALID),
                new Case("connectors runtime config", CONNECTORS_RUNTIME, VALID),
                new Case("one connector's config", CONNECTOR, VALID),
                new Case("stand-in runtime config", STAND_IN, VALID),
                new Case("Windows line ends", "k = 1\r\n[t]\r\nj = 2\r\n", VALID),
                new Case("indented table and key", "  [ indented ]\n  k = 1", VALID),
                new Case("quoted key with a space", "\"a b\" = 1", VALID),
                new Case("non-ASCII quoted key", "\"ключ\" = \"значение\"", VALID),
                new Case("quoted dot in a table name", "[a.\"b.c\"]\nd = 1", VALID),
                new Case("literal string with a backslash", "k = 'C:\\path'", VALID),
                // the Supervisor's parser keeps dates as text without checking them, so neither side refuses this
                new Case("a date that does not exist", "k = 1979-13-45", VALID),

                // refused by the Supervisor at upload; most of these look like TOML line by line
                new Case("unterminated string", "key = \"unterminated", "line 1, column 20: Premature end of file"),
                new Case("unquoted string", "secret = hunter2", "line 1, column 10: Unknown token"),
                new Case("duplicate key", "a = 1\na = 2", "line 2, column 6: Duplicate key"),
                new Case("table defined twice", "[t]\nx = 1\n[t]\ny = 2", "line 3, column 3: Table redefined"),
                new Case("unknown escape", "k = \"bad \\q escape\"", "line 1, column 10: Unknown escape sequence"),
                new Case("table over a value", "[a]\nb = 1\n[a.b]\nc = 2", "line 3, column 5: Path into existing non-object value"),
                new Case("trailing comma in an inline table", "k = { a = 1, }", "line 1, column 14: Trailing comma not permitted"),
                new Case("capitalised boolean", "enabled = True", "line 1, column 11: Unknown token"),
                new Case("text after a number", "port = 3000abc", "line 1, column 12: More data after value"),
                new Case("two strings for one key", "a = \"x\" \"y\"", "line 1, column 9: More data after value"),
                new Case("zero-prefixed number", "x = 01", "line 1, column 5: Zero-prefixed ints are not valid"),
                new Case("unclosed table header", "[system\npassword hunter2\n", "line 1, column 8: Newline not permitted here"),
                new Case("a line that is no TOML", "ok = 1\njust words", "line 2, column 5: Unknown token"),
                new Case("unterminated array", "a = [\n1,", "line 2, column 3: Premature end of file"),
                // the two configs the Supervisor's API test sees refused at upload ("not valid TOML at line 3, column …")
                new Case("the Supervisor's unquoted password", "[http]\naddress = \"127.0.0.1:3000\"\npassword = s3cr3t-value\n",
                        "line 3, column 12: Unknown token"),
                new Case("the Supervisor's unclosed table", "[http\nport = 1\n", "line 1, column 6: Newline not permitted here"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesAFileAsTheSupervisorDoes(Case c) {
        if (c.verdict().equals(VALID)) {
            assertThatCode(() -> TomlConfig.values(c.toml())).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> TomlConfig.values(c.toml())).isInstanceOf(TomlConfig.Invalid.class)
                    .hasMessageStartingWith(c.verdict());
        }
    }

    @Test
    void theReasonNeverQuotesTheFile() {
        assertThatThrownBy(() -> TomlConfig.values("password = \"hunter2")).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> TomlConfig.values("[system\npassword hunter2\n")).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> TomlConfig.values("x = 01")).hasMessage(
                "line 1, column 5: Zero-prefixed ints are not valid. If you want an octal literal, use the prefix '…'");
    }

    @Test
    void readsScalarValuesByTheirDottedPath() throws Exception {
        assertThat(TomlConfig.values(IGGY_SERVER))
                .containsEntry("http.enabled", "true")
                .containsEntry("http.address", "0.0.0.0:3000")
                .containsEntry("http.tls.cert_file", "core/certs/iggy_cert.pem")
                .containsEntry("tcp.tls.self_signed", "true")
                .containsEntry("quic.max_concurrent_bidi_streams", "10000")
                .containsEntry("system.path", "local_data")
                .containsEntry("system.encryption.key", "")
                .containsEntry("system.sharding.cpu_allocation", "numa:auto")
                .containsKey("http.cors.allowed_methods") // an array of values is one value, its JSON text
                .doesNotContainKeys("cluster.nodes.name", "cluster.nodes.ports.tcp");
        assertThat(TomlConfig.values(CONNECTORS_RUNTIME)).containsEntry("connectors.config_dir", "connectors");
        assertThat(TomlConfig.values(CONNECTOR)).containsEntry("plugin_config.index", "version: 0.9\nindex_id: events\n")
                .containsEntry("transforms.add_fields.enabled", "true").doesNotContainKey("streams.stream");
    }

    @Test
    void anArrayOfTablesIsIndexed() throws Exception {
        assertThat(TomlConfig.values("[[cluster.nodes]]\nname = \"a\"\nports = { tcp = 8090 }\n\n[[cluster.nodes]]\nname = \"b\"\n"
                + "[http.cors]\nallowed_methods = [\"GET\", \"POST\"]\n"))
                .containsEntry("cluster.nodes[0].name", "a").containsEntry("cluster.nodes[0].ports.tcp", "8090")
                .containsEntry("cluster.nodes[1].name", "b").containsEntry("http.cors.allowed_methods", "[\"GET\",\"POST\"]");
    }

    @Test
    void anInlineTableIsATable() throws Exception {
        assertThat(TomlConfig.values("[http]\ntls = { enabled = true, cert_file = \"a.pem\" }\n"))
                .containsEntry("http.tls.enabled", "true").containsEntry("http.tls.cert_file", "a.pem");
    }
}
