/**
 * The HTTP plumbing: the htmx request and its two shapes of answer ({@link miexplorer.web.http.Htmx},
 * written straight to UTF-8 bytes by {@link miexplorer.web.http.Utf8Buffer}), request bodies read to
 * their end ({@link miexplorer.web.http.RequestBody}), JSON bodies ({@link miexplorer.web.http.JsonBody}),
 * the headers of every answer ({@link miexplorer.web.http.ResponseHeaders}), conditional GET with ETags
 * ({@link miexplorer.web.http.ConditionalGet}, {@link miexplorer.web.http.Checksum}), and the error pages
 * ({@link miexplorer.web.http.ErrorPages}, {@link miexplorer.web.http.JettyErrors}).
 */
package miexplorer.web.http;
