-- wrk's requests for the benchmark scripts (see http_load in common.sh): without arguments a GET
-- of the URL; with FILE LINES, POSTs of the file's lines, LINES consecutive lines a body
-- (text/plain), in turn. done() prints one line of key=value figures for the scripts to read.
--   wrk -t2 -c32 -d20s --latency -s benchmarks/wrk.lua http://localhost:5000/log/store -- res/events.txt 1
local requests, next_request = {}, 1
lines_per_body = 0 -- global: done() reads it from a thread
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    if #args == 0 then
        requests[1] = wrk.format()
        return
    end
    local per_body = tonumber(args[2] or "1")
    local lines = {}
    for line in io.lines(args[1]) do
        lines[#lines + 1] = line
    end
    -- Formatted once: the generator spends its time sending, not building requests.
    for from = 1, #lines, per_body do
        local body = table.concat(lines, "\n", from, math.min(#lines, from + per_body - 1))
        requests[#requests + 1] = wrk.format("POST", nil, { ["Content-Type"] = "text/plain" }, body)
    end
    lines_per_body = #lines / #requests
end

function request()
    local next = requests[next_request]
    next_request = next_request % #requests + 1
    return next
end

function done(summary, latency)
    local seconds = summary.duration / 1e6
    local errors = summary.errors
    io.write(string.format(
        "requests_per_s=%.0f lines_per_s=%.0f p50_ms=%.2f p99_ms=%.2f non_2xx=%d socket_errors=%d\n",
        summary.requests / seconds,
        summary.requests * threads[1]:get("lines_per_body") / seconds,
        latency:percentile(50) / 1000,
        latency:percentile(99) / 1000,
        errors.status,
        errors.connect + errors.read + errors.write + errors.timeout))
end
