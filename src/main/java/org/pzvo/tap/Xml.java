// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap;

/** Minimal XML escaping for the documents this package writes by hand. */
public final class Xml {
    private Xml() {
    }

    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                default:
                    // XML 1.0 forbids most control characters, even escaped.
                    sb.append(c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** {@code <name>text</name>}, or nothing when text is null or empty. */
    public static String element(String name, String text) {
        return text == null || text.isEmpty() ? "" : "<" + name + ">" + text(text) + "</" + name + ">";
    }
}
