// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which browser origins may call the service from other sites (Fetch standard, "CORS protocol").
 * Immutable and validated on construction.
 *
 * <ul>
 *   <li>A listed origin ({@code https://portal.example.org}) is answered with its own origin and
 *       {@code Access-Control-Allow-Credentials: true}: a portal there may send cookies or
 *       credentials.</li>
 *   <li>{@code anyOrigin} ({@code *} in the list) answers every other origin with
 *       {@code Access-Control-Allow-Origin: *} and never with credentials. Requests may still carry
 *       an {@code Authorization} header set by the portal's script, since that header is allowed
 *       in preflight.</li>
 *   <li>With an empty list and no {@code *}, CORS is off: no response carries CORS headers.</li>
 * </ul>
 *
 * @param allowedOrigins normalised origins ({@code scheme://host[:port]}, lower case, no default port)
 * @param anyOrigin      whether {@code *} was given
 * @param maxAgeSeconds  how long a browser may cache a preflight answer ({@code Access-Control-Max-Age})
 */
public record CorsPolicy(Set<String> allowedOrigins, boolean anyOrigin, int maxAgeSeconds) {

    /** Default preflight cache time; Chromium caps it at 7200 s, Firefox at 86400 s. */
    public static final int DEFAULT_MAX_AGE_SECONDS = 600;

    public CorsPolicy {
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Set<String> normalised = new LinkedHashSet<>();
        for (String origin : allowedOrigins) {
            normalised.add(normalise(origin));
        }
        allowedOrigins = Set.copyOf(normalised);
        if (maxAgeSeconds < 0 || maxAgeSeconds > 86_400) {
            throw new IllegalArgumentException("Expected a preflight max age of 0..86400 seconds, actual " + maxAgeSeconds);
        }
    }

    /** CORS off: no CORS headers on any response. */
    public static CorsPolicy disabled() {
        return new CorsPolicy(Set.of(), false, DEFAULT_MAX_AGE_SECONDS);
    }

    /**
     * Parses a comma- or blank-separated list such as {@code https://a.example.org, http://localhost:3000}
     * or {@code *}. An empty value disables CORS.
     *
     * @throws IllegalArgumentException naming the bad entry and what is accepted
     */
    public static CorsPolicy parse(String list, int maxAgeSeconds) {
        Set<String> origins = new LinkedHashSet<>();
        boolean any = false;
        for (String item : list.trim().split("[\\s,]+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.equals("*")) {
                any = true;
            } else {
                origins.add(item);
            }
        }
        return new CorsPolicy(origins, any, maxAgeSeconds);
    }

    /** Whether any origin at all gets CORS headers. */
    public boolean enabled() {
        return anyOrigin || !allowedOrigins.isEmpty();
    }

    /** What a request from {@code origin} (the request's Origin header, possibly null) is granted. */
    public Grant grant(String origin) {
        if (origin == null || origin.isEmpty()) {
            return Grant.NONE;
        }
        if (allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            return Grant.CREDENTIALS;
        }
        return anyOrigin ? Grant.ANY : Grant.NONE;
    }

    /** The answer to one origin. */
    public enum Grant {
        /** No CORS headers: the browser keeps the response from the calling script. */
        NONE,
        /** {@code Access-Control-Allow-Origin: *}, no credentials. */
        ANY,
        /** The origin echoed, with {@code Access-Control-Allow-Credentials: true}. */
        CREDENTIALS
    }

    /** An origin as browsers send it (RFC 6454 §6.1): scheme, host and a non-default port only. */
    static String normalise(String origin) {
        String expected = "an origin such as https://portal.example.org or http://localhost:3000 (scheme, host and"
                + " optional port; no path), or *";
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Expected " + expected + ", actual '" + origin + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty();
        if (!List.of("http", "https").contains(scheme) || uri.getHost() == null || !pathless
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Expected " + expected + ", actual '" + origin + "'");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
