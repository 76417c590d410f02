-- wrk: POST /log/store with one sensor line per request, the first of res/events.txt.
local file = assert(io.open("res/events.txt"))
wrk.method = "POST"
wrk.body = file:read("*l")
file:close()
wrk.headers["Content-Type"] = "text/plain"
