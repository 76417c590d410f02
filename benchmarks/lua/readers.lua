-- wrk: what readers of the log service ask, in turn on each connection: deep-ish /events pages,
-- device and time filters, a keyset page, and the dashboard's polls. READERS_DEVICES devices
-- hold the stored events (readers.sh spreads them so).
local devices = tonumber(os.getenv("READERS_DEVICES") or "50")
local paths = {
    function() return "/events?size=50&page=" .. math.random(0, 199) end,
    function() return "/events?size=100&device=" .. math.random(1, devices) .. "&page=" .. math.random(0, 20) end,
    function() return "/events?size=50&from=2016-10-04T16:50:00Z&to=2016-10-04T17:10:00Z" end,
    function() return "/events?size=50&device=" .. math.random(1, devices) .. "&from=2016-10-04T17:00:00Z" end,
    function() return "/events?size=50&after=" .. math.random(1000, 100000) end,
    function() return "/dashboard/points" end,
    function() return "/dashboard/ingestion?minutes=15" end,
    function() return "/clusters/summary" end,
}
local next_path = 0

request = function()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path]())
end
