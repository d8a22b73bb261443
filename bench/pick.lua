-- wrk script: GET /api/v1/articles/<random slug>, from the file named by the script's first argument
-- (default target/bench/slugs.txt), counting non-2xx answers. A second argument replaces the path
-- before the picked line (bench/search.sh: /api/v1/search?q=).
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  bad = 0
  slugs = {}
  for line in io.lines(args[1] or "target/bench/slugs.txt") do slugs[#slugs + 1] = line end
  prefix = args[2] or "/api/v1/articles/"
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
function request()
  return wrk.format("GET", prefix .. slugs[math.random(#slugs)])
end
function response(status) if status < 200 or status > 299 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("non2xx %d\n", total))
end
