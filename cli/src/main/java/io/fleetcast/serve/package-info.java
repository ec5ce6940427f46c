/**
 * {@code fleetcast serve}: the HTTP API over the engine, on the JDK's built-in {@code com.sun.net.httpserver}
 * with a virtual thread per exchange (no jar beyond the engine's; 0.64 s from launch to first response).
 *
 * <p>Reading the package in the order a request goes: {@link io.fleetcast.serve.Server} (request id, shutdown,
 * token, route, error mapping, the log line), {@code Routes} (the one route table, also behind the OpenAPI
 * check), {@code ScenarioRequest} (the body, read by the command line's scenario reader, problems located in the
 * body), {@code Handlers} (the engine's own projection, Monte Carlo, solve and sensitivity, rendered by the
 * command line's writers) and {@code Jobs} (the bounded Monte Carlo pool and result store). The limits are
 * {@link io.fleetcast.serve.ServeOptions}. It depends on the engine and on {@code io.fleetcast.cli}'s
 * {@code Analyses} only, so it can move into its own module together with the command line.
 */
package io.fleetcast.serve;
