// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

/**
 * Limits on uploaded tables (advertised as TAPRegExt uploadLimit): rows per table, bytes per
 * table (as sent), whether URLs may point at loopback/link-local/private addresses, and how long
 * fetching one URL may take.
 */
public record UploadLimits(long maxRows, long maxBytes, boolean allowPrivateUrls, int urlTimeoutSeconds) {
    public UploadLimits {
        if (maxRows < 1 || maxBytes < 1 || urlTimeoutSeconds < 1) {
            throw new IllegalArgumentException("Expected positive upload limits, actual rows=" + maxRows + " bytes="
                    + maxBytes + " timeout=" + urlTimeoutSeconds);
        }
    }
}
