// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.dali;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A streamed response body whose writers' flushes are ignored: the STIL serialisers and the
 * character writers around them flush at every element boundary, and each flush of a servlet
 * stream is a network write (and commits the response to chunked encoding). Bytes go to the
 * response when the buffer fills, and at {@link #finish()}; a small result thus leaves in one
 * write, with a Content-Length, when the container completes the response.
 */
public final class ResponseStream extends BufferedOutputStream {
    /** Bytes held before they are handed to the response. */
    static final int BUFFER_BYTES = 16 * 1024;

    private boolean written;

    public ResponseStream(OutputStream response) {
        super(response, BUFFER_BYTES);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        written = true;
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        written = true;
        super.write(b, off, len);
    }

    /** Ignored: see the class comment; {@link #finish()} ends the body. */
    @Override
    public void flush() {
    }

    /** Whether any byte of the body was written (it must then be finished, not replaced by an error). */
    public synchronized boolean written() {
        return written;
    }

    /** Hands the buffered bytes to the response, without flushing it: the container ends the body. */
    public synchronized void finish() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
