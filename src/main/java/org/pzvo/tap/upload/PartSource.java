// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.tap.upload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.pzvo.dali.DaliException;

/** The files sent inline with a request, by part name ({@code UPLOAD=t,param:<part>}). */
@FunctionalInterface
public interface PartSource {
    /** No inline files (a GET or a form POST). */
    PartSource NONE = name -> Optional.empty();

    /**
     * The file of part {@code name}, or empty when the request has no such file part.
     *
     * @throws DaliException when the part is refused (e.g. over the size limit)
     */
    Optional<Path> file(String name) throws IOException, DaliException;
}
