-- wrk script of scripts/perf-serve.sh: POST /v1/diagnose with the snapshot files given after "--",
-- in turn (each wrk thread starts at another one), as application/json on keep-alive connections.
-- The requests are formatted once, in init, so that wrk spends no Lua time building them.
-- At the end it prints one line for the script to read:
-- RESULT requests seconds requests_per_s p50_us p99_us connect_errors read_errors write_errors status_errors timeouts

local requests = {}
local next_request = 0
local thread_number = 0

function setup(thread)
    thread:set("offset", thread_number)
    thread_number = thread_number + 1
end

function init(args)
    for _, path in ipairs(args) do
        local file = assert(io.open(path, "rb"))
        local body = file:read("*a")
        file:close()
        requests[#requests + 1] = wrk.format("POST", "/v1/diagnose", { ["Content-Type"] = "application/json" }, body)
    end
    assert(#requests > 0, "no snapshot files given after --")
    next_request = (offset or 0) % #requests
end

function request()
    next_request = next_request % #requests + 1
    return requests[next_request]
end

function done(summary, latency, _)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format("RESULT %d %.3f %.1f %d %d %d %d %d %d %d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50), latency:percentile(99),
        e.connect, e.read, e.write, e.status, e.timeout))
end
