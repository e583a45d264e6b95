// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pzvo.dali.DaliException;
import org.pzvo.dali.DaliParams;
import org.pzvo.uws.JobContext;
import org.pzvo.uws.JobFailedException;
import org.pzvo.uws.JobRunner;
import org.pzvo.uws.Parameters;

/**
 * TAP's job runner for the generic UWS engine (TAP 1.1 §2.2.1 /async): the job's parameters are
 * a TAP query, its primary result {@code result} is the streamed table. Cancelling the job
 * cancels the database statement. Parameters are checked when the job runs, not when it is
 * created (TAP 1.1 §2.2.1: a job with a bad query is created and then ends in ERROR).
 */
public final class AsyncQueryRunner implements JobRunner {
    private final TapService tap;
    private final Function<String, Set<String>> groupsOfOwner;

    /**
     * @param groupsOfOwner the groups a job owner holds when the job runs (empty for null,
     *                      anonymous): a job reads what its owner may read at that time
     */
    public AsyncQueryRunner(TapService tap, Function<String, Set<String>> groupsOfOwner) {
        this.tap = tap;
        this.groupsOfOwner = groupsOfOwner;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        TapQuery query;
        try {
            query = TapQuery.parse(params(ctx.parameters()), tap.limits());
            QueryRunner.Outcome outcome = tap.run(tap.asyncRunner(), query, groupsOfOwner.apply(ctx.ownerId()), ctx::upload, ctx.scratchDirectory(),
                    ctx::isAborted, format -> {
                OutputStream out = ctx.openResult("result", format.contentType());
                return out;
            }, st -> {
                ctx.onCancel(st::cancel);
                if (ctx.isAborted()) {
                    // Aborted before the statement existed: do not start it at all.
                    throw new CancellationException("job " + ctx.jobId() + " was aborted");
                }
            }, rows -> ctx.progress(rows + " rows written"));
            ctx.progress(outcome.rows() + " rows written" + (outcome.overflowed() ? " (MAXREC reached)" : ""));
        } catch (DaliException e) {
            throw new JobFailedException(e.getMessage(), e);
        }
    }

    private static DaliParams params(Parameters parameters) {
        Map<String, String[]> raw = new LinkedHashMap<>();
        for (Parameters.Parameter p : parameters.asList()) {
            raw.merge(p.name(), new String[] {p.value()}, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                return both;
            });
        }
        return DaliParams.of(raw);
    }
}
