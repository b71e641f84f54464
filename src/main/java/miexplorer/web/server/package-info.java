/**
 * The server: whether it can serve ({@link miexplorer.web.server.Health}, {@code GET /healthz} in
 * {@link miexplorer.web.server.HealthCheck}, the 503 of {@link miexplorer.web.server.UnhealthyGuard},
 * a rebuild noticed by {@link miexplorer.web.server.CodeWatch}), error handling that always ends
 * ({@link miexplorer.web.server.BoundedErrors}), and the one budget of heap and cores that heavy work
 * waits its turn in ({@link miexplorer.web.server.Budget}, {@link miexplorer.web.server.HeavyWork}).
 */
package miexplorer.web.server;
