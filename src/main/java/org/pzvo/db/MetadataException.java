// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.db;

/**
 * Invalid table metadata. The message names the YAML file and, where it applies, the table,
 * column or foreign key, then says what was expected and what was found, e.g.
 * {@code lsst.yaml: table object, column u_cModelFlux: unknown datatype 'flaot'; expected one of
 * boolean, short, int, long, float, double, char, unicodeChar}.
 */
public final class MetadataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
