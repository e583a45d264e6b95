// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.pzvo.dali.DaliException;

/**
 * Fetches an UPLOAD URL (http/https only) into a file, within the byte and time limits. Unless
 * private URLs are allowed, every address the host resolves to must be public: loopback,
 * link-local, site-local (RFC 1918), unique-local IPv6, carrier-grade NAT, multicast and the
 * wildcard address are refused, so the service cannot be used to reach its own network.
 * Redirects are not followed (their target would escape the check).
 */
final class UrlFetcher {
    private final UploadLimits limits;

    UrlFetcher(UploadLimits limits) {
        this.limits = limits;
    }

    /** Downloads {@code uri} into {@code target}; the table {@code name} is for messages. */
    void fetch(String name, URI uri, Path target) throws DaliException, IOException {
        if (!limits.allowPrivateUrls()) {
            checkPublic(name, uri.getHost());
        }
        Duration timeout = Duration.ofSeconds(limits.urlTimeoutSeconds());
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw DaliException.badRequest("UPLOAD: " + uri + " (table '" + name + "') did not answer within "
                    + limits.urlTimeoutSeconds() + " s");
        } catch (IOException e) {
            throw DaliException.badRequest("UPLOAD: " + uri + " (table '" + name + "') could not be fetched: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
            if (response.statusCode() != 200) {
                throw DaliException.badRequest("UPLOAD: " + uri + " (table '" + name + "') answered HTTP "
                        + response.statusCode() + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
            }
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw DaliException.badRequest("UPLOAD: " + uri + " (table '" + name + "') is larger than the "
                            + "limit of " + limits.maxBytes() + " bytes");
                }
                if (System.nanoTime() > deadline) {
                    throw DaliException.badRequest("UPLOAD: " + uri + " (table '" + name + "') was not fully read "
                            + "within " + limits.urlTimeoutSeconds() + " s");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void checkPublic(String name, String host) throws DaliException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw DaliException.badRequest("UPLOAD: the host '" + host + "' of table '" + name + "' is unknown");
        }
        for (InetAddress a : addresses) {
            if (isPrivate(a)) {
                throw DaliException.badRequest("UPLOAD: the host '" + host + "' of table '" + name + "' resolves to "
                        + a.getHostAddress() + ", a loopback, link-local or private address; such URLs are refused");
            }
        }
    }

    /** Whether {@code a} is not a public unicast address. */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
