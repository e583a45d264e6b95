// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request: an authenticated user with the groups its token grants, or the anonymous
 * user (no name, no group), who sees public data only. Servlets obtain it with
 * {@link #of(HttpServletRequest)}; {@link AuthFilter} has put it there (or refused the request).
 *
 * @param user   the user name, or null when anonymous
 * @param groups the groups of the user (empty when anonymous)
 */
public record Identity(String user, Set<String> groups) {
    /** The request attribute under which {@link AuthFilter} stores the identity. */
    static final String ATTRIBUTE = Identity.class.getName();

    /** Anybody without a token. */
    public static final Identity ANONYMOUS = new Identity(null, Set.of());

    public Identity {
        groups = Set.copyOf(groups);
        if (user == null && !groups.isEmpty()) {
            throw new IllegalArgumentException("Expected no group for the anonymous user, actual " + groups);
        }
    }

    /** The identity of a request: the authenticated user, or {@link #ANONYMOUS} without a token. */
    public static Identity of(HttpServletRequest request) {
        Object value = request.getAttribute(ATTRIBUTE);
        return value instanceof Identity identity ? identity : ANONYMOUS;
    }

    /** Whether nobody was authenticated. */
    public boolean isAnonymous() {
        return user == null;
    }

    /**
     * Whether this identity may see something restricted to {@code requiredGroups}: always when
     * the list is empty (public), otherwise when the user belongs to at least one of them.
     */
    public boolean maySee(Collection<String> requiredGroups) {
        return requiredGroups.isEmpty() || requiredGroups.stream().anyMatch(groups::contains);
    }

    /** As {@link #maySee(Collection)} for one access group, null meaning public (ObsCore products). */
    public boolean maySee(String accessGroup) {
        return accessGroup == null || groups.contains(accessGroup);
    }

    /** The job owner this identity stands for in UWS: the user name, null for anonymous. */
    public String owner() {
        return user;
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous" : user + Objects.toString(groups.isEmpty() ? "" : " " + groups);
    }
}
