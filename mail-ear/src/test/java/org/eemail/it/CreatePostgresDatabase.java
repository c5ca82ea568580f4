// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a fresh, empty database for the PostgreSQL run of the integration tests (run by the build
 * before them): {@code CreatePostgresDatabase <jdbc url of the test database> <user> [password]}.
 */
public final class CreatePostgresDatabase {

    private CreatePostgresDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        String maintenance = url.substring(0, slash + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(maintenance, args[1], args.length > 2 ? args[2] : "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
        System.out.println("Created the empty database " + database + " for the integration tests");
    }
}
