-- Drives one route of MI Explorer for bench/load.sh, which sets these environment variables:
--   WRK_BODY          a file whose contents are the POST body (unset or empty: a GET)
--   WRK_CONTENT_TYPE  the body's Content-Type
--   WRK_HX            "1" to send HX-Request: true (the htmx fragment)
--   WRK_ACCEPT_ENCODING  the Accept-Encoding header to send (unset or empty: none)
-- The request is built once, so wrk sends it without calling Lua per request.
local body = os.getenv("WRK_BODY")
if body and body ~= "" then
  local f = assert(io.open(body, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = os.getenv("WRK_CONTENT_TYPE")
end
if os.getenv("WRK_HX") == "1" then
  wrk.headers["HX-Request"] = "true"
end
local encoding = os.getenv("WRK_ACCEPT_ENCODING")
if encoding and encoding ~= "" then
  wrk.headers["Accept-Encoding"] = encoding -- as browsers ask: answers of 1500 bytes or more come compressed
end

-- One machine-readable line; latencies in microseconds. wrk counts a status of 400 or more as a
-- status error; load.sh checks each route answers 200 before the run and that every response in the
-- run had the size of that 200 (a redirect or an error page would not).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration, summary.bytes, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
