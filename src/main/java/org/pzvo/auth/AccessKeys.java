// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import java.util.HashSet;
import java.util.Set;

/**
 * The access keys of an identity: what a table's {@code groups:} list (tap-schema YAML) or a row's
 * sharing list is matched against. They are the user's groups, plus two keys no token can grant
 * (group names are letters, digits and {@code _ . -}, never {@code @}): {@code @user:<name>}, held
 * only by that user (what a user's own products are restricted to), and {@link #AUTHENTICATED},
 * held by every authenticated user (a product shared with all of them). The anonymous user holds
 * no key and sees public things only.
 */
public final class AccessKeys {
    /** The key every authenticated user holds. */
    public static final String AUTHENTICATED = "@authenticated";
    private static final String USER_PREFIX = "@user:";

    private AccessKeys() {
    }

    /** The key held by {@code user} alone. */
    public static String ofUser(String user) {
        return USER_PREFIX + user;
    }

    /** The keys of an identity: none when anonymous. */
    public static Set<String> of(Identity identity) {
        return of(identity.user(), identity.groups());
    }

    /** The keys of {@code user} (null: anonymous) holding {@code groups}. */
    public static Set<String> of(String user, Set<String> groups) {
        if (user == null) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>(groups);
        keys.add(ofUser(user));
        keys.add(AUTHENTICATED);
        return Set.copyOf(keys);
    }
}
