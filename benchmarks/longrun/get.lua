-- wrk script: the plain GET of the command line, with a done() that prints the figures as
-- key=value for benchmarks/longrun.sh.
done = function(summary, latency, requests)
    io.write(string.format("requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000))
end
