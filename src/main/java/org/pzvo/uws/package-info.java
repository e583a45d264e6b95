// SPDX-License-Identifier: BSD-3-Clause
/**
 * A generic UWS 1.1 job engine: it knows nothing of ADQL or TAP; the application plugs in a
 * {@link org.pzvo.uws.JobRunner}. The HTTP binding lives in {@link org.pzvo.uws.http}.
 *
 * <p>Wiring:
 * <pre>{@code
 * UwsConfig config = UwsConfig.defaults(dataDir);            // or new UwsConfig(...), validated
 * JobStore store = new JobStore(serviceDataSource, Engine.H2); // schema "uws", created on start
 * UwsService uws = new UwsService(config, store, tapRunner);
 * uws.start();                                               // repairs state after a restart
 * ...
 * uws.close();                                               // on shutdown, after Jetty stops
 * }</pre>
 *
 * <p>Model: {@link org.pzvo.uws.Phase} (the transition table), immutable
 * {@link org.pzvo.uws.Job} snapshots read from the store, whose stored phase is the truth and
 * changes only by compare-and-set. Refusals are {@link org.pzvo.uws.UwsException}s with a
 * domain {@link org.pzvo.uws.UwsException.Kind}; only the HTTP edge maps them to statuses.
 */
package org.pzvo.uws;
