-- wrk script: POST /log/store with one line of the sample per request, the sample's lines in
-- turn, and a done() that prints the figures as key=value for benchmarks/longrun.sh.
local lines = {}
for line in io.lines("res/events.txt") do
    if #line > 0 then
        lines[#lines + 1] = line
    end
end
local next_line = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"

request = function()
    next_line = next_line % #lines + 1
    return wrk.format(nil, "/log/store", nil, lines[next_line])
end

done = function(summary, latency, requests)
    local failed = summary.errors.status + summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout
    io.write(string.format("requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f failed=%d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, failed))
end
