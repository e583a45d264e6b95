// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.pzvo.db.Engine;

/**
 * The {@code uws} schema: DDL for H2 and PostgreSQL (they differ only in the large text type)
 * and the mapping of instants to {@code TIMESTAMP WITH TIME ZONE}.
 *
 * <pre>
 * uws.job            one row per job; phase is the source of truth
 * uws.job_parameter  (job_id, seq) ordered name/value pairs
 * uws.job_result     (job_id, name) published results: MIME type and size
 * </pre>
 */
final class JobSchema {

    private JobSchema() {
    }

    static List<String> ddl(Engine engine) {
        String text = engine == Engine.H2 ? "CHARACTER LARGE OBJECT" : "TEXT";
        return List.of(
            "CREATE SCHEMA IF NOT EXISTS uws",
            "CREATE TABLE IF NOT EXISTS uws.job (job_id VARCHAR(64) PRIMARY KEY,"
                    + " run_id VARCHAR(1024), owner_id VARCHAR(512), phase VARCHAR(16) NOT NULL,"
                    + " quote TIMESTAMP WITH TIME ZONE,"
                    + " creation_time TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " queued_time TIMESTAMP WITH TIME ZONE,"
                    + " start_time TIMESTAMP WITH TIME ZONE, end_time TIMESTAMP WITH TIME ZONE,"
                    + " execution_duration_s BIGINT NOT NULL,"
                    + " destruction TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " error_message " + text + ", error_type VARCHAR(16), job_info " + text + ")",
            "CREATE INDEX IF NOT EXISTS uws_job_owner ON uws.job (owner_id, creation_time)",
            "CREATE INDEX IF NOT EXISTS uws_job_destruction ON uws.job (destruction)",
            "CREATE INDEX IF NOT EXISTS uws_job_phase ON uws.job (phase)",
            "CREATE TABLE IF NOT EXISTS uws.job_parameter (job_id VARCHAR(64) NOT NULL"
                    + " REFERENCES uws.job (job_id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
                    + " name VARCHAR(256) NOT NULL, param_value " + text + " NOT NULL,"
                    + " PRIMARY KEY (job_id, seq))",
            "CREATE TABLE IF NOT EXISTS uws.job_result (job_id VARCHAR(64) NOT NULL"
                    + " REFERENCES uws.job (job_id) ON DELETE CASCADE, name VARCHAR(64) NOT NULL,"
                    + " mime_type VARCHAR(256) NOT NULL, size_bytes BIGINT NOT NULL,"
                    + " PRIMARY KEY (job_id, name))");
    }

    static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, t.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant time(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Refuses what the job database cannot store (name and RUNID lengths, NUL characters). */
    static void checkStorable(Parameters parameters) {
        for (Parameters.Parameter p : parameters.asList()) {
            if (p.name().length() > 256) {
                throw UwsException.invalid("Parameter names are limited to 256 characters: '"
                        + UwsException.shorten(p.name()) + "'");
            }
            if (p.name().indexOf('\0') >= 0 || p.value().indexOf('\0') >= 0) {
                throw UwsException.invalid("Parameter '" + UwsException.shorten(p.name().replace('\0', ' '))
                        + "' contains a NUL character");
            }
        }
        parameters.first("RUNID").filter(r -> r.length() > 1024).ifPresent(r -> {
            throw UwsException.invalid("RUNID is limited to 1024 characters");
        });
    }
}
