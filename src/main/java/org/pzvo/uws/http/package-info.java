// SPDX-License-Identifier: BSD-3-Clause
/**
 * The UWS 1.1 REST binding (UWS 1.1 §2.2) of {@link org.pzvo.uws.UwsService} as a Jakarta
 * servlet for Jetty 12 (ee10).
 *
 * <p>Wiring:
 * <pre>{@code
 * UwsServlet servlet = new UwsServlet(uws, request -> identity.owner(request), tapErrorWriter);
 * ServletHolder holder = new ServletHolder(servlet);
 * holder.setAsyncSupported(true);                       // WAIT then holds no thread
 * holder.getRegistration().setMultipartConfig(UwsServlet.multipartConfig(tmpDir, maxUploadBytes));
 * context.addServlet(holder, "/tap/async/*");
 * }</pre>
 */
package org.pzvo.uws.http;
