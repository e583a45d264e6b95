// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import jakarta.servlet.http.HttpServletRequest;
import org.pzvo.dali.BaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content of the VOSI resources: capabilities, availability, table row counts and examples.
 * Row counts are estimates taken once at start-up (and on {@link #refreshRowCounts()}), since
 * counting a 10^8-row table on every /tables request would be absurd.
 */
public final class Vosi {
    private static final Logger LOG = LoggerFactory.getLogger(Vosi.class);

    private final String configuredBaseUrl;
    private final DataSource dataSource;
    private final Capabilities capabilities;
    private final Examples examples;
    private final RowCounts rowCountSource;
    private final Instant upSince = Instant.now();
    private volatile Map<String, Long> rowCounts = Map.of();

    public Vosi(String configuredBaseUrl, DataSource dataSource, Capabilities capabilities, Examples examples,
                RowCounts rowCountSource) {
        this.configuredBaseUrl = configuredBaseUrl;
        this.dataSource = dataSource;
        this.capabilities = capabilities;
        this.examples = examples;
        this.rowCountSource = rowCountSource;
    }

    /** The TAP base URL as the client should see it: configured, else derived from the request. */
    String baseUrl(HttpServletRequest req) {
        return BaseUrl.of(req, configuredBaseUrl) + "/tap";
    }

    String capabilities(String baseUrl) {
        return capabilities.document(baseUrl);
    }

    String examples(String baseUrl, org.pzvo.adql.check.Catalog catalog) {
        return examples.document(baseUrl, catalog);
    }

    /** VOSI 1.1 §3.2: available when a database connection answers. */
    String availability() {
        return availability(dataSource, upSince);
    }

    /**
     * The VOSI 1.1 §3.2 availability document of a service that needs {@code dataSource}:
     * available when a connection answers within 5 s.
     */
    public static String availability(DataSource dataSource, Instant upSince) {
        boolean up;
        String note;
        try (Connection c = dataSource.getConnection()) {
            up = c.isValid(5);
            note = up ? "The service is accepting queries" : "The database does not answer";
        } catch (SQLException e) {
            up = false;
            note = "The database is unreachable";
            LOG.warn("Availability check failed: {}", e.toString());
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<avail:availability xmlns:avail=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">"
                + "<avail:available>" + up + "</avail:available>"
                + "<avail:upSince>" + upSince.toString() + "</avail:upSince>"
                + "<avail:note>" + Xml.text(note) + "</avail:note>"
                + "</avail:availability>\n";
    }

    Map<String, Long> rowCounts() {
        return rowCounts;
    }

    public void refreshRowCounts() {
        try (Connection c = dataSource.getConnection()) {
            rowCounts = Map.copyOf(rowCountSource.estimate(c));
        } catch (SQLException e) {
            LOG.warn("Could not estimate table row counts: {}", e.toString());
        }
    }

    /** Estimated row counts by qualified table name. */
    @FunctionalInterface
    public interface RowCounts {
        Map<String, Long> estimate(Connection c) throws SQLException;
    }
}
