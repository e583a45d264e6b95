// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Request parameters with DALI 1.1 §3.1 semantics: names are case-insensitive, values are kept
 * as given, a parameter may repeat. Immutable once built.
 */
public final class DaliParams {
    private final Map<String, List<String>> byUpperName;

    private DaliParams(Map<String, List<String>> byUpperName) {
        this.byUpperName = byUpperName;
    }

    /**
     * Query-string, form and multipart text parameters of a request (the servlet container
     * parses them). A body the container cannot decode (bad percent-encoding, a broken multipart
     * body, a form over the size limit) is a 400, not a server fault.
     */
    public static DaliParams of(HttpServletRequest request) throws DaliException {
        Map<String, String[]> raw;
        try {
            raw = request.getParameterMap();
        } catch (RuntimeException e) {
            throw DaliException.badRequest("Cannot read the request parameters: " + e.getMessage()
                    + ". Send them URL-encoded (application/x-www-form-urlencoded) or as multipart/form-data.");
        }
        return of(raw);
    }

    public static DaliParams of(Map<String, String[]> raw) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        raw.forEach((name, values) -> merged
                .computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(List.of(values)));
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        merged.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new DaliParams(Collections.unmodifiableMap(frozen));
    }

    /** All values of a parameter, in request order; empty when absent. */
    public List<String> all(String name) {
        return byUpperName.getOrDefault(name.toUpperCase(Locale.ROOT), List.of());
    }

    /**
     * The single value of a parameter. Repeating a single-valued parameter is an error
     * (DALI 1.1 §3.1 leaves it to the service; a silent pick would hide client bugs).
     */
    public Optional<String> single(String name) throws DaliException {
        List<String> values = all(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1 && values.stream().distinct().count() > 1) {
            throw DaliException.badRequest("Parameter " + name.toUpperCase(Locale.ROOT) + " was given "
                    + values.size() + " different values; give it once");
        }
        return Optional.of(values.get(0));
    }

    public String required(String name, String hint) throws DaliException {
        Optional<String> value = single(name);
        if (value.isEmpty() || value.get().isBlank()) {
            throw DaliException.badRequest("Missing parameter " + name.toUpperCase(Locale.ROOT) + ": " + hint);
        }
        return value.get();
    }

    /** A non-negative integer parameter, or the default when absent. */
    public long nonNegativeLong(String name, long defaultValue) throws DaliException {
        Optional<String> value = single(name);
        if (value.isEmpty() || value.get().isBlank()) {
            return defaultValue;
        }
        String text = value.get().trim();
        try {
            long parsed = Long.parseLong(text);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw DaliException.badRequest("Bad value of " + name.toUpperCase(Locale.ROOT) + ": '" + text
                + "'; expected a non-negative integer");
    }

    public Map<String, List<String>> asMap() {
        return byUpperName;
    }
}
