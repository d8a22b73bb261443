-- wrk script: counts non-2xx answers, which wrk does not report itself.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status) if status < 200 or status > 299 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("non2xx %d\n", total))
end
