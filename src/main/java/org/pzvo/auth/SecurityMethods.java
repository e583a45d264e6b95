// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security methods of pzvo's interfaces in VOSI capabilities (VOResource 1.1 §3.2.3
 * securityMethod; SSO 2.0 §4): every interface is offered twice, once without securityMethod
 * (anonymous access to public data) and once with {@value #TOKEN}, where an
 * {@code Authorization: Bearer} token also opens the tables and products of the token's groups.
 */
public final class SecurityMethods {
    /**
     * The bearer-token method: not in SSO 2.0 (2017) but in the SSO 2.1 drafts and in use by
     * OpenCADC services and clients; older taplint versions warn that they do not know it.
     */
    public static final String TOKEN = "ivo://ivoa.net/sso#token";
    private static final Pattern INTERFACE = Pattern.compile("<interface\\b[^>]*>.*?</interface>", Pattern.DOTALL);

    private SecurityMethods() {
    }

    /**
     * A capabilities document with each interface followed by its token twin: the same element
     * with {@code <securityMethod standardID="ivo://ivoa.net/sso#token"/>} after its access URLs
     * (the order VOResource 1.1's Interface type requires).
     */
    public static String withTokenInterfaces(String capabilities) {
        Matcher m = INTERFACE.matcher(capabilities);
        StringBuilder out = new StringBuilder(capabilities.length() * 2);
        while (m.find()) {
            String anonymous = m.group();
            int afterUrls = anonymous.lastIndexOf("</accessURL>") + "</accessURL>".length();
            String token = anonymous.substring(0, afterUrls) + "<securityMethod standardID=\"" + TOKEN + "\"/>"
                    + anonymous.substring(afterUrls);
            m.appendReplacement(out, Matcher.quoteReplacement(anonymous + "\n" + token));
        }
        m.appendTail(out);
        return out.toString();
    }
}
