// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import static org.pzvo.uws.http.Responses.TEXT;
import static org.pzvo.uws.http.Responses.XML;
import static org.pzvo.uws.http.Responses.seeOther;
import static org.pzvo.uws.http.Responses.send;
import static org.pzvo.uws.http.Values.shorten;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.pzvo.uws.Job;
import org.pzvo.uws.JobFilter;
import org.pzvo.uws.Parameters;
import org.pzvo.uws.Phase;
import org.pzvo.uws.UwsException;
import org.pzvo.uws.UwsService;
import org.pzvo.uws.UwsStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UWS 1.1 REST binding (UWS 1.1 §2.2) of a {@link UwsService}, mounted at any path
 * ({@code /tap/async/*}). It handles, below the mount point:
 * <pre>
 * GET  /                       job list (PHASE repeatable, AFTER, LAST)   POST / creates a job (303)
 * GET  /{id}                   job document (WAIT, PHASE)                 POST /{id} ACTION=DELETE (303)
 * DELETE /{id}                 destroys the job (303 to the list)
 * GET|POST /{id}/phase         PHASE=RUN|ABORT          GET|POST /{id}/executionduration
 * GET|POST /{id}/destruction   GET /{id}/quote  GET /{id}/error  GET /{id}/owner
 * GET|POST /{id}/parameters    GET /{id}/results        GET /{id}/results/{name} (the file)
 * </pre>
 * Every request is answered completely here. Refusals get 400 (bad value), 404 (unknown job,
 * including another owner's), 409 (wrong phase) or 503 (queue full, database unavailable),
 * written by the {@link ErrorWriter}; no stack trace reaches the client. Register the servlet
 * with async support so WAIT holds no thread (without it WAIT blocks a thread), and with
 * {@link #multipartConfig} so multipart requests work.
 */
public final class UwsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UwsServlet.class);
    private static final Set<String> CONTROL = Set.of("PHASE", "EXECUTIONDURATION", "DESTRUCTION");

    private final transient UwsService service;
    private final transient Function<HttpServletRequest, String> ownerOf;
    private final transient ErrorWriter errors;

    /**
     * @param service the engine
     * @param ownerOf the authenticated owner of a request, null for anonymous; must not throw
     *     (reject bad credentials in a filter before this servlet)
     * @param errors writes job errors and refusals (TAP passes its DALI VOTable writer)
     */
    public UwsServlet(UwsService service, Function<HttpServletRequest, String> ownerOf, ErrorWriter errors) {
        this.service = Objects.requireNonNull(service, "service");
        this.ownerOf = Objects.requireNonNull(ownerOf, "ownerOf");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * The multipart settings to register this servlet with
     * ({@code holder.getRegistration().setMultipartConfig(...)}) so that inline files work.
     *
     * @param tmpDir where parts larger than 64 KiB are spooled
     * @param maxRequestBytes the largest request body accepted
     */
    public static MultipartConfigElement multipartConfig(Path tmpDir, long maxRequestBytes) {
        return new MultipartConfigElement(tmpDir.toString(), maxRequestBytes, maxRequestBytes, 1 << 16);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, "GET");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, "POST");
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, "DELETE");
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp, String method) throws IOException {
        try {
            route(req, resp, method);
        } catch (RuntimeException e) {
            fail(resp, e, method + " " + req.getRequestURI());
        }
    }

    /** Maps an exception to a status and writes it, unless the response is already committed. */
    private void fail(HttpServletResponse resp, RuntimeException e, String request) throws IOException {
        int status;
        String message;
        if (e instanceof UwsException u) {
            status = switch (u.kind()) {
                case NOT_FOUND -> 404;
                case INVALID_ARGUMENT -> 400;
                case WRONG_PHASE -> 409;
                case OVERLOADED -> 503;
            };
            message = u.getMessage();
        } else if (e instanceof UwsStoreException) {
            LOG.error("UWS request {} failed", request, e);
            status = 503;
            message = "The job database is unavailable; please try again later.";
        } else {
            LOG.error("UWS request {} failed", request, e);
            status = 500;
            message = "Internal error; the service log has the details.";
        }
        if (!resp.isCommitted()) {
            resp.reset();
            if (status == 503) {
                resp.setHeader("Retry-After", "30");
            }
            errors.writeRequestError(status, message, resp);
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, String method) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String[] seg = path.replaceAll("^/+|/+$", "").split("/", -1);
        String owner = ownerOf.apply(req);
        String jobs = Responses.jobsUrl(req);
        if (seg.length == 1 && seg[0].isEmpty()) {
            switch (method) {
                case "GET" -> listJobs(req, resp, owner, jobs);
                case "POST" -> createJob(req, resp, owner, jobs);
                default -> throw notAllowed(method, "the job list");
            }
            return;
        }
        String id = seg[0];
        if (seg.length == 1) {
            switch (method) {
                case "GET" -> sendJob(req, resp, owner, jobs, id);
                case "POST" -> postToJob(req, resp, owner, jobs, id);
                default -> {
                    service.delete(id, owner);
                    seeOther(resp, jobs);
                }
            }
        } else if (seg.length == 3 && seg[1].equals("results") && method.equals("GET")) {
            Responses.result(resp, service.result(id, owner, seg[2]));
        } else if (seg.length > 2) {
            throw new UwsException(UwsException.Kind.NOT_FOUND, "No such resource: " + shorten(path));
        } else if (method.equals("POST")) {
            postToResource(req, resp, owner, jobs, id, seg[1]);
        } else if (method.equals("GET")) {
            getResource(resp, owner, jobs, id, seg[1]);
        } else {
            throw notAllowed(method, seg[1]);
        }
    }

    private void getResource(HttpServletResponse resp, String owner, String jobs, String id, String sub)
            throws IOException {
        Job job = service.get(id, owner);
        switch (sub) {
            case "phase" -> send(resp, TEXT, job.phase().name());
            case "executionduration" -> send(resp, TEXT, Long.toString(job.executionDurationSec()));
            case "destruction" -> send(resp, TEXT, IsoTime.format(job.destruction()));
            case "quote" -> send(resp, TEXT, job.quote() == null ? "" : IsoTime.format(job.quote()));
            case "owner" -> send(resp, TEXT, job.ownerId() == null ? "" : job.ownerId());
            case "parameters" -> send(resp, XML, UwsXml.parameters(job));
            case "results" -> send(resp, XML, UwsXml.results(job, jobs));
            case "error" -> {
                if (job.error() == null) {
                    throw new UwsException(UwsException.Kind.NOT_FOUND, "Job " + id
                            + " has no error summary (phase " + job.phase() + ")");
                }
                resp.setStatus(200);
                errors.writeJobError(job, resp);
            }
            default -> throw new UwsException(UwsException.Kind.NOT_FOUND, "No such job resource: "
                    + shorten(sub));
        }
    }

    private void postToResource(HttpServletRequest req, HttpServletResponse resp, String owner,
            String jobs, String id, String sub) throws IOException {
        Parameters p = RequestParams.read(req, false).parameters();
        switch (sub) {
            case "phase" -> changePhase(id, owner, Values.required(p, "PHASE"));
            case "executionduration" -> service.setExecutionDuration(id, owner,
                    Values.duration(Values.required(p, "EXECUTIONDURATION")));
            case "destruction" -> service.setDestruction(id, owner,
                    Values.time("DESTRUCTION", Values.required(p, "DESTRUCTION")));
            case "parameters" -> service.updateParameters(id, owner, p);
            default -> {
                service.get(id, owner);
                throw notAllowed("POST", sub);
            }
        }
        seeOther(resp, jobs + "/" + id);
    }

    private void changePhase(String id, String owner, String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("RUN")) {
            service.run(id, owner);
        } else if (v.equalsIgnoreCase("ABORT")) {
            service.abort(id, owner);
        } else {
            service.get(id, owner);
            throw UwsException.invalid("PHASE must be RUN or ABORT, not '" + shorten(value) + "'");
        }
    }

    private void postToJob(HttpServletRequest req, HttpServletResponse resp, String owner, String jobs,
            String id) throws IOException {
        Parameters p = RequestParams.read(req, false).parameters();
        Optional<String> action = Values.single(p, "ACTION");
        service.get(id, owner);
        if (action.isEmpty() || !action.get().trim().equalsIgnoreCase("DELETE")) {
            throw UwsException.invalid("POST to a job expects ACTION=DELETE"
                    + action.map(a -> ", not ACTION='" + shorten(a) + "'").orElse(""));
        }
        service.delete(id, owner);
        seeOther(resp, jobs);
    }

    /** POST to the job list (UWS 1.1 §2.2.3.1); PHASE=RUN, EXECUTIONDURATION, DESTRUCTION honoured. */
    private void createJob(HttpServletRequest req, HttpServletResponse resp, String owner, String jobs)
            throws IOException {
        RequestParams rp = RequestParams.read(req, true);
        Map<String, Path> files = rp.files();
        try {
            Parameters all = rp.parameters();
            Optional<String> phase = Values.single(all, "PHASE");
            if (phase.isPresent() && !phase.get().trim().equalsIgnoreCase("RUN")) {
                throw UwsException.invalid("PHASE at job creation must be RUN, not '" + shorten(phase.get()) + "'");
            }
            Long duration = Values.single(all, "EXECUTIONDURATION").map(Values::duration).orElse(null);
            if (duration != null && duration < 0) {
                throw UwsException.invalid("EXECUTIONDURATION must not be negative: " + duration);
            }
            Instant destruction = Values.single(all, "DESTRUCTION").map(t -> Values.time("DESTRUCTION", t)).orElse(null);
            if (destruction != null && !destruction.isAfter(Instant.now())) {
                throw UwsException.invalid("DESTRUCTION must be in the future, not " + IsoTime.format(destruction));
            }
            Parameters params = all;
            for (String c : CONTROL) {
                params = params.without(c);
            }
            Job job = service.create(owner, params, files);
            files = Map.of();
            if (duration != null) {
                service.setExecutionDuration(job.jobId(), owner, duration);
            }
            if (destruction != null) {
                service.setDestruction(job.jobId(), owner, destruction);
            }
            if (phase.isPresent()) {
                try {
                    service.run(job.jobId(), owner);
                } catch (UwsException e) {
                    service.delete(job.jobId(), owner);
                    throw e;
                }
            }
            seeOther(resp, jobs + "/" + job.jobId());
        } finally {
            RequestParams.deleteAll(files);
        }
    }

    private void listJobs(HttpServletRequest req, HttpServletResponse resp, String owner, String jobs)
            throws IOException {
        Parameters p = RequestParams.read(req, false).parameters();
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String v : p.all("PHASE")) {
            phases.add(Values.phase(v));
        }
        Instant after = null;
        for (String v : p.all("AFTER")) {
            Instant t = Values.time("AFTER", v);
            after = after == null || t.isAfter(after) ? t : after;
        }
        Integer last = null;
        Optional<String> lastText = Values.single(p, "LAST");
        if (lastText.isPresent()) {
            long n = Values.integer("LAST", lastText.get());
            if (n < 1) {
                throw UwsException.invalid("LAST must be a positive integer, not " + n);
            }
            last = (int) Math.min(n, Integer.MAX_VALUE);
        }
        send(resp, XML, UwsXml.jobList(service.list(owner, new JobFilter(phases, after, last)), jobs));
    }

    /** GET job, with WAIT (UWS 1.1 §2.2.1.1) answered asynchronously when it has to block. */
    private void sendJob(HttpServletRequest req, HttpServletResponse resp, String owner, String jobs,
            String id) throws IOException {
        Parameters p = RequestParams.read(req, false).parameters();
        Optional<String> waitText = Values.single(p, "WAIT");
        if (waitText.isEmpty()) {
            send(resp, XML, UwsXml.job(service.get(id, owner), jobs));
            return;
        }
        long wait = Values.integer("WAIT", waitText.get());
        if (wait < -1) {
            throw UwsException.invalid("WAIT must be -1 (the server maximum) or a number of seconds >= 0,"
                    + " not " + wait);
        }
        Phase only = Values.single(p, "PHASE").map(Values::phase).orElse(null);
        Duration max = service.config().maxWait();
        Duration d = wait == -1 ? max : Duration.ofSeconds(Math.min(wait, max.toSeconds()));
        if (!req.isAsyncSupported()) {
            send(resp, XML, UwsXml.job(service.await(id, owner, only, d), jobs));
            return;
        }
        CompletableFuture<Job> future = service.awaitAsync(id, owner, only, d);
        if (future.isDone()) {
            send(resp, XML, UwsXml.job(future.join(), jobs));
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        String request = "GET " + req.getRequestURI();
        future.whenComplete((job, error) -> async.start(() -> {
            try {
                if (error == null) {
                    send(resp, XML, UwsXml.job(job, jobs));
                } else {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    fail(resp, cause instanceof RuntimeException r ? r : new IllegalStateException(cause),
                            request);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not answer {}", request, e);
            } finally {
                async.complete();
            }
        }));
    }

    private static UwsException notAllowed(String method, String what) {
        return UwsException.invalid(method + " is not supported on " + shorten(what));
    }
}
