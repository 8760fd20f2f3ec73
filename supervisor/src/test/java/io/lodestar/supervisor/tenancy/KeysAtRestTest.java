package io.lodestar.supervisor.tenancy;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** No API key is ever stored in clear: every text column of every table is searched for the secrets. */
@QuarkusTest
class KeysAtRestTest {

    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    @Inject
    DataSource dataSource;

    @Test
    void noTextColumnHoldsAnIssuedKey() throws Exception {
        List<String> secrets = new ArrayList<>();
        secrets.add(admin().body(Map.of("name", "at-rest", "permissions", List.of("deployment:read"))).post("/api-keys")
                .then().statusCode(201).extract().path("key"));
        secrets.add(admin().body(Map.of("name", "at-rest-tenant")).post("/tenants").then().statusCode(201)
                .extract().path("admin_key.key"));
        secrets.add(io.lodestar.supervisor.Api.ADMIN_KEY);

        List<String> columns = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("information_schema") || schema.equalsIgnoreCase("pg_catalog"))) {
                        continue;
                    }
                    if (TEXT.contains(rs.getInt("DATA_TYPE"))) {
                        columns.add(quote(schema) + "." + quote(rs.getString("TABLE_NAME")) + "|" + quote(rs.getString("COLUMN_NAME")));
                    }
                }
            }
            for (String column : columns) {
                String[] parts = column.split("\\|");
                for (String secret : secrets) {
                    // The part after the prefix: a stored secret, whole or cut after its prefix, is found either way.
                    String needle = secret.substring(10, 30);
                    try (PreparedStatement query = connection.prepareStatement(
                            "select count(*) from " + parts[0] + " where " + parts[1] + " like ?")) {
                        query.setString(1, "%" + needle + "%");
                        try (ResultSet rs = query.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                leaks.add(column + " holds a key");
                            }
                        }
                    }
                }
            }
        }
        assertThat(columns).as("the scan must see the tables").anyMatch(c -> c.toLowerCase().contains("api_keys"));
        assertThat(columns.stream().filter(c -> c.toLowerCase().contains("key_hash"))).isNotEmpty();
        assertThat(leaks).isEmpty();
    }

    private static String quote(String name) {
        return name == null ? null : "\"" + name + "\"";
    }
}
