// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.uws.http;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pzvo.uws.Job;
import org.pzvo.uws.JobFilter;
import org.pzvo.uws.Parameters;
import org.pzvo.uws.Phase;
import org.pzvo.uws.StoredResult;
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
 * written by the {@link ErrorWriter}; no stack trace reaches the client. Multipart requests need
 * the servlet registered with {@link #multipartConfig}.
 */
public final class UwsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UwsServlet.class);
    private static final String XML = "text/xml;charset=UTF-8";
    private static final String TEXT = "text/plain;charset=UTF-8";
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
        } catch (UwsException e) {
            int status = switch (e.kind()) {
                case NOT_FOUND -> 404;
                case INVALID_ARGUMENT -> 400;
                case WRONG_PHASE -> 409;
                case OVERLOADED -> 503;
            };
            if (status == 503) {
                resp.setHeader("Retry-After", "30");
            }
            refuse(resp, status, e.getMessage());
        } catch (UwsStoreException e) {
            LOG.error("UWS request {} {} failed", method, req.getRequestURI(), e);
            resp.setHeader("Retry-After", "30");
            refuse(resp, 503, "The job database is unavailable; please try again later.");
        } catch (RuntimeException e) {
            LOG.error("UWS request {} {} failed", method, req.getRequestURI(), e);
            refuse(resp, 500, "Internal error; the service log has the details.");
        }
    }

    private void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        if (!resp.isCommitted()) {
            resp.reset();
            errors.writeRequestError(status, message, resp);
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, String method) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String[] seg = path.replaceAll("^/+|/+$", "").split("/", -1);
        String owner = ownerOf.apply(req);
        String jobs = jobsUrl(req);
        if (seg.length == 1 && seg[0].isEmpty()) {
            switch (method) {
                case "GET" -> listJobs(req, resp, owner, jobs);
                case "POST" -> createJob(req, resp, owner, jobs);
                default -> notAllowed(method, "the job list");
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
            return;
        }
        String sub = seg[1];
        if (seg.length == 3 && sub.equals("results") && method.equals("GET")) {
            sendResult(resp, service.result(id, owner, seg[2]));
            return;
        }
        if (seg.length > 2) {
            throw new UwsException(UwsException.Kind.NOT_FOUND, "No such resource: " + shorten(path));
        }
        if (method.equals("POST")) {
            postToResource(req, resp, owner, jobs, id, sub);
        } else if (method.equals("GET")) {
            getResource(resp, owner, jobs, id, sub);
        } else {
            notAllowed(method, sub);
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
            case "phase" -> changePhase(id, owner, required(p, "PHASE"));
            case "executionduration" -> service.setExecutionDuration(id, owner,
                    parseDuration(required(p, "EXECUTIONDURATION")));
            case "destruction" -> service.setDestruction(id, owner, parseTime("DESTRUCTION",
                    required(p, "DESTRUCTION")));
            case "parameters" -> service.updateParameters(id, owner, p);
            default -> {
                service.get(id, owner);
                notAllowed("POST", sub);
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
        Optional<String> action = p.first("ACTION");
        service.get(id, owner);
        if (action.isEmpty() || !action.get().trim().equalsIgnoreCase("DELETE")) {
            throw UwsException.invalid("POST to a job expects ACTION=DELETE"
                    + action.map(a -> ", not ACTION='" + shorten(a) + "'").orElse(""));
        }
        service.delete(id, owner);
        seeOther(resp, jobs);
    }

    private void createJob(HttpServletRequest req, HttpServletResponse resp, String owner, String jobs)
            throws IOException {
        RequestParams rp = RequestParams.read(req, true);
        Map<String, Path> files = rp.files();
        try {
            Parameters all = rp.parameters();
            Optional<String> phase = all.first("PHASE");
            if (phase.isPresent() && !phase.get().trim().equalsIgnoreCase("RUN")) {
                throw UwsException.invalid("PHASE at job creation must be RUN, not '"
                        + shorten(phase.get()) + "'");
            }
            Long duration = all.first("EXECUTIONDURATION").map(UwsServlet::parseDuration).orElse(null);
            if (duration != null && duration < 0) {
                throw UwsException.invalid("EXECUTIONDURATION must not be negative: " + duration);
            }
            Instant destruction = all.first("DESTRUCTION").map(t -> parseTime("DESTRUCTION", t)).orElse(null);
            if (destruction != null && !destruction.isAfter(Instant.now())) {
                throw UwsException.invalid("DESTRUCTION must be in the future, not "
                        + IsoTime.format(destruction));
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
            phases.add(Phase.parse(v).orElseThrow(() -> UwsException.invalid("PHASE must be one of "
                    + List.of(Phase.values()) + ", not '" + shorten(v) + "'")));
        }
        Instant after = null;
        for (String v : p.all("AFTER")) {
            Instant t = parseTime("AFTER", v);
            after = after == null || t.isAfter(after) ? t : after;
        }
        Integer last = null;
        Optional<String> lastText = p.first("LAST");
        if (lastText.isPresent()) {
            long n = parseLong("LAST", lastText.get());
            if (n < 1) {
                throw UwsException.invalid("LAST must be a positive integer, not " + n);
            }
            last = (int) Math.min(n, Integer.MAX_VALUE);
        }
        send(resp, XML, UwsXml.jobList(service.list(owner, new JobFilter(phases, after, last)), jobs));
    }

    private void sendJob(HttpServletRequest req, HttpServletResponse resp, String owner, String jobs,
            String id) throws IOException {
        Parameters p = RequestParams.read(req, false).parameters();
        Optional<String> waitText = p.first("WAIT");
        Job job;
        if (waitText.isPresent()) {
            long wait = parseLong("WAIT", waitText.get());
            if (wait < -1) {
                throw UwsException.invalid("WAIT must be -1 (the server maximum) or a number of"
                        + " seconds >= 0, not " + wait);
            }
            Phase only = null;
            Optional<String> phaseText = p.first("PHASE");
            if (phaseText.isPresent()) {
                only = Phase.parse(phaseText.get()).orElseThrow(() -> UwsException.invalid(
                        "PHASE must be a UWS phase name, not '" + shorten(phaseText.get()) + "'"));
            }
            Duration d = wait == -1 ? service.config().maxWait()
                    : Duration.ofSeconds(Math.min(wait, service.config().maxWait().toSeconds()));
            job = service.await(id, owner, only, d);
        } else {
            job = service.get(id, owner);
        }
        send(resp, XML, UwsXml.job(job, jobs));
    }

    private static void sendResult(HttpServletResponse resp, StoredResult r) throws IOException {
        InputStream in;
        long size;
        try {
            in = Files.newInputStream(r.path());
            size = Files.size(r.path());
        } catch (NoSuchFileException e) {
            throw new UwsException(UwsException.Kind.NOT_FOUND, "The result is no longer available");
        }
        try (in) {
            resp.setStatus(200);
            resp.setContentType(r.result().mimeType());
            resp.setContentLengthLong(size);
            OutputStream out = resp.getOutputStream();
            in.transferTo(out);
        }
    }

    private static void send(HttpServletResponse resp, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(type);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static void seeOther(HttpServletResponse resp, String location) {
        resp.setStatus(303);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
    }

    private static void notAllowed(String method, String what) {
        throw UwsException.invalid(method + " is not supported on " + shorten(what));
    }

    private static String jobsUrl(HttpServletRequest req) {
        StringBuffer url = req.getRequestURL();
        int pathStart = url.indexOf("/", url.indexOf("//") + 2);
        String origin = pathStart < 0 ? url.toString() : url.substring(0, pathStart);
        return origin + req.getContextPath() + req.getServletPath();
    }

    private static String required(Parameters p, String name) {
        return p.first(name).orElseThrow(() -> UwsException.invalid("Missing parameter " + name));
    }

    /** EXECUTIONDURATION in seconds; a huge positive integer means "as long as allowed". */
    static long parseDuration(String text) {
        String t = text.trim();
        try {
            BigInteger v = new BigInteger(t);
            return v.bitLength() < 63 ? v.longValue() : v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            throw UwsException.invalid("EXECUTIONDURATION must be an integer number of seconds, not '"
                    + shorten(text) + "'");
        }
    }

    private static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw UwsException.invalid(name + " must be an integer, not '" + shorten(text) + "'");
        }
    }

    private static Instant parseTime(String name, String text) {
        return IsoTime.parse(text).orElseThrow(() -> UwsException.invalid(name
                + " must be an ISO 8601 time such as 2030-01-31T12:00:00Z, not '" + shorten(text) + "'"));
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
