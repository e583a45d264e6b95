// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.pzvo.db.Engine;

/**
 * Jobs, parameters and results in the service database, schema {@code uws} (created if absent,
 * on H2 and PostgreSQL). The stored phase is the truth: every phase change is a compare-and-set
 * {@code UPDATE ... WHERE phase = expected}. Thread-safe; each call uses its own connection.
 * SQL failures surface as {@link UwsStoreException}.
 */
public final class JobStore {

    private static final String JOB_COLUMNS = "job_id, run_id, owner_id, phase, quote, creation_time,"
            + " start_time, end_time, execution_duration_s, destruction, error_message, error_type,"
            + " job_info";

    private final DataSource dataSource;
    private final Engine engine;

    /**
     * @param dataSource the service database (pooled)
     * @param engine which SQL dialect to use for the DDL
     */
    public JobStore(DataSource dataSource, Engine engine) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Creates schema {@code uws} and its tables when absent. Idempotent. */
    public void createSchema() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : JobSchema.ddl(engine)) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new UwsStoreException("creating schema uws", e);
        }
    }

    /** Stores a new job and its parameters in one transaction. */
    void insert(Job job) {
        inTransaction("inserting job " + job.jobId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO uws.job (" + JOB_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, job.jobId());
                ps.setString(2, job.runId());
                ps.setString(3, job.ownerId());
                ps.setString(4, job.phase().name());
                JobSchema.setTime(ps, 5, job.quote());
                JobSchema.setTime(ps, 6, job.creationTime());
                JobSchema.setTime(ps, 7, job.startTime());
                JobSchema.setTime(ps, 8, job.endTime());
                ps.setLong(9, job.executionDurationSec());
                JobSchema.setTime(ps, 10, job.destruction());
                ps.setString(11, job.error() == null ? null : job.error().message());
                ps.setString(12, job.error() == null ? null : job.error().type().name());
                ps.setString(13, job.jobInfo());
                ps.executeUpdate();
            }
            insertParameters(c, job.jobId(), job.parameters());
            return null;
        });
    }

    /** The job with its parameters and results, if it exists. */
    Optional<Job> find(String jobId) {
        try (Connection c = dataSource.getConnection()) {
            // One snapshot for the three reads: a job seen COMPLETED always comes with its results,
            // which complete() commits in the same transaction (regression: results read empty).
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return find(c, jobId);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new UwsStoreException("reading job " + jobId, e);
        }
    }

    private static Optional<Job> find(Connection c, String jobId) throws SQLException {
        Parameters params;
        List<Result> results = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, param_value FROM uws.job_parameter"
                + " WHERE job_id = ? ORDER BY seq")) {
            ps.setString(1, jobId);
            List<Parameters.Parameter> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Parameters.Parameter(rs.getString(1), rs.getString(2)));
                }
            }
            params = Parameters.of(list);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name, mime_type, size_bytes"
                + " FROM uws.job_result WHERE job_id = ? ORDER BY name")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.add(new Result(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS
                + " FROM uws.job WHERE job_id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String errorType = rs.getString(12);
                ErrorSummary error = errorType == null ? null
                        : new ErrorSummary(rs.getString(11), ErrorSummary.Type.valueOf(errorType));
                return Optional.of(new Job(rs.getString(1), rs.getString(2), rs.getString(3),
                        Phase.valueOf(rs.getString(4)), JobSchema.time(rs, 5), JobSchema.time(rs, 6), JobSchema.time(rs, 7),
                        JobSchema.time(rs, 8), rs.getLong(9), JobSchema.time(rs, 10), params, results, error,
                        rs.getString(13)));
            }
        }
    }

    /** The owner's jobs matching the filter, most recently created first (UWS 1.1 §2.2.2.1). */
    List<JobRef> list(String ownerId, JobFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT job_id, run_id, owner_id, phase, creation_time"
                + " FROM uws.job WHERE ");
        List<Object> args = new ArrayList<>();
        if (ownerId == null) {
            sql.append("owner_id IS NULL");
        } else {
            sql.append("owner_id = ?");
            args.add(ownerId);
        }
        if (filter.phases().isEmpty()) {
            sql.append(" AND phase <> ?");
            args.add(Phase.ARCHIVED.name());
        } else {
            sql.append(" AND phase IN (");
            String sep = "";
            for (Phase p : filter.phases()) {
                sql.append(sep).append('?');
                args.add(p.name());
                sep = ", ";
            }
            sql.append(')');
        }
        if (filter.after() != null) {
            sql.append(" AND creation_time > ?");
            args.add(filter.after());
        }
        sql.append(" ORDER BY creation_time DESC, job_id DESC");
        return queryRefs(sql.toString(), args, filter.last() == null ? 0 : filter.last());
    }

    /** Jobs in any of the given phases, oldest queued/created first (for restart recovery). */
    List<JobRef> inPhases(List<Phase> phases) {
        StringBuilder sql = new StringBuilder("SELECT job_id, run_id, owner_id, phase, creation_time"
                + " FROM uws.job WHERE phase IN (");
        List<Object> args = new ArrayList<>();
        String sep = "";
        for (Phase p : phases) {
            sql.append(sep).append('?');
            args.add(p.name());
            sep = ", ";
        }
        sql.append(") ORDER BY queued_time, creation_time, job_id");
        return queryRefs(sql.toString(), args, 0);
    }

    /** Ids of jobs whose destruction time is not after {@code now}. */
    List<String> expired(Instant now) {
        List<String> ids = new ArrayList<>();
        for (JobRef ref : queryRefs("SELECT job_id, run_id, owner_id, phase, creation_time"
                + " FROM uws.job WHERE destruction <= ?", List.of(now), 0)) {
            ids.add(ref.jobId());
        }
        return ids;
    }

    /** Whether a job with this id exists (any owner). */
    boolean exists(String jobId) {
        return !queryRefs("SELECT job_id, run_id, owner_id, phase, creation_time FROM uws.job"
                + " WHERE job_id = ?", List.of(jobId), 0).isEmpty();
    }

    private List<JobRef> queryRefs(String sql, List<Object> args, int maxRows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant t) {
                    JobSchema.setTime(ps, i + 1, t);
                } else {
                    ps.setString(i + 1, (String) a);
                }
            }
            if (maxRows > 0) {
                ps.setMaxRows(maxRows);
            }
            List<JobRef> refs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(new JobRef(rs.getString(1), rs.getString(2), rs.getString(3),
                            Phase.valueOf(rs.getString(4)), JobSchema.time(rs, 5)));
                }
            }
            return refs;
        } catch (SQLException e) {
            throw new UwsStoreException("listing jobs", e);
        }
    }

    /**
     * Compare-and-set of the phase. Stamps queued_time on QUEUED, start_time on EXECUTING and
     * end_time on a final phase with {@code at}; stores {@code error} when not null.
     *
     * @return whether the stored phase was {@code from} and is now {@code to}
     */
    boolean casPhase(String jobId, Phase from, Phase to, Instant at, ErrorSummary error) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("Transition " + from + " -> " + to + " is not allowed");
        }
        return inTransaction("changing phase of job " + jobId, c -> cas(c, jobId, from, to, at, error));
    }

    private static boolean cas(Connection c, String jobId, Phase from, Phase to, Instant at,
            ErrorSummary error) throws SQLException {
        String stamp = switch (to) {
            case QUEUED -> ", queued_time = ?";
            case EXECUTING -> ", start_time = ?";
            case COMPLETED, ERROR, ABORTED -> ", end_time = ?";
            default -> "";
        };
        String err = error == null ? "" : ", error_message = ?, error_type = ?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE uws.job SET phase = ?" + stamp + err
                + " WHERE job_id = ? AND phase = ?")) {
            int i = 1;
            ps.setString(i++, to.name());
            if (!stamp.isEmpty()) {
                JobSchema.setTime(ps, i++, at);
            }
            if (error != null) {
                ps.setString(i++, error.message());
                ps.setString(i++, error.type().name());
            }
            ps.setString(i++, jobId);
            ps.setString(i, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * EXECUTING → COMPLETED and the results, in one transaction.
     *
     * @return false (nothing changed) if the job was no longer EXECUTING
     */
    boolean complete(String jobId, Instant endTime, List<Result> results, String jobInfo) {
        return inTransaction("completing job " + jobId, c -> {
            if (!cas(c, jobId, Phase.EXECUTING, Phase.COMPLETED, endTime, null)) {
                c.rollback();
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO uws.job_result"
                    + " (job_id, name, mime_type, size_bytes) VALUES (?, ?, ?, ?)")) {
                for (Result r : results) {
                    ps.setString(1, jobId);
                    ps.setString(2, r.name());
                    ps.setString(3, r.mimeType());
                    ps.setLong(4, r.sizeBytes());
                    ps.addBatch();
                }
                if (!results.isEmpty()) {
                    ps.executeBatch();
                }
            }
            if (jobInfo != null) {
                updateColumn(c, jobId, "job_info", jobInfo);
            }
            return true;
        });
    }

    /** Sets the execution duration if the job is PENDING; returns whether it was. */
    boolean setExecutionDuration(String jobId, long seconds) {
        return inTransaction("setting execution duration of job " + jobId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE uws.job SET execution_duration_s = ?"
                    + " WHERE job_id = ? AND phase = ?")) {
                ps.setLong(1, seconds);
                ps.setString(2, jobId);
                ps.setString(3, Phase.PENDING.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Sets the destruction time; returns whether the job exists. */
    boolean setDestruction(String jobId, Instant destruction) {
        return inTransaction("setting destruction of job " + jobId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE uws.job SET destruction = ?"
                    + " WHERE job_id = ?")) {
                JobSchema.setTime(ps, 1, destruction);
                ps.setString(2, jobId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Replaces the parameters (and run id) if the job is PENDING; returns whether it was. */
    boolean replaceParameters(String jobId, Parameters params, String runId) {
        return inTransaction("updating parameters of job " + jobId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE uws.job SET run_id = ?"
                    + " WHERE job_id = ? AND phase = ?")) {
                ps.setString(1, runId);
                ps.setString(2, jobId);
                ps.setString(3, Phase.PENDING.name());
                if (ps.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM uws.job_parameter WHERE job_id = ?")) {
                ps.setString(1, jobId);
                ps.executeUpdate();
            }
            insertParameters(c, jobId, params);
            return true;
        });
    }

    /** Stores the progress text shown as jobInfo. */
    void setJobInfo(String jobId, String jobInfo) {
        inTransaction("updating jobInfo of job " + jobId, c -> {
            updateColumn(c, jobId, "job_info", jobInfo);
            return null;
        });
    }

    /** Deletes the job with its parameters and results; returns whether it existed. */
    boolean delete(String jobId) {
        return inTransaction("deleting job " + jobId, c -> {
            for (String table : new String[] {"uws.job_result", "uws.job_parameter", "uws.job"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                        + " WHERE job_id = ?")) {
                    ps.setString(1, jobId);
                    if (ps.executeUpdate() == 1 && table.equals("uws.job")) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    private static void updateColumn(Connection c, String jobId, String column, String value)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE uws.job SET " + column + " = ?"
                + " WHERE job_id = ?")) {
            ps.setString(1, value);
            ps.setString(2, jobId);
            ps.executeUpdate();
        }
    }

    private static void insertParameters(Connection c, String jobId, Parameters params)
            throws SQLException {
        if (params.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO uws.job_parameter"
                + " (job_id, seq, name, param_value) VALUES (?, ?, ?, ?)")) {
            int seq = 0;
            for (Parameters.Parameter p : params.asList()) {
                ps.setString(1, jobId);
                ps.setInt(2, seq++);
                ps.setString(3, p.name());
                ps.setString(4, p.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new UwsStoreException(what, e);
        }
    }
}
