-- wrk script for manage.py bench_load: cycles through the paths given in the environment
-- variable BENCH_PATHS (separated by "|"), so a scenario is a mix of URLs rather than one URL
-- answered from a warm cache, and prints the figures as one JSON line at the end.
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^|]+") do
  paths[#paths + 1] = path
end
local counter = 0
-- The TLS proxy in front of gunicorn sets this; without it production settings redirect.
wrk.headers["X-Forwarded-Proto"] = "https"

function setup(thread)
  thread:set("offset", math.random(#paths))
end

function request()
  counter = counter + 1
  local path = paths[((counter + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "status_errors": %d, '
      .. '"socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout
  ))
end
