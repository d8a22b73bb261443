-- wrk script for bench/soak.sh: a mix of reads and writes, and a count of answers by class.
--   65% an article by a random slug, 15% a feed page, 5% a search, 10% a new draft,
--   5% an upsert by external id (creates, then replaces the same 200 ids again and again).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  articles = tonumber(args[1]) or 1000
  token = args[2]
  math.randomseed(os.time() + id * 7919)
  seq = 0
  ok, client, server, other = 0, 0, 0, 0
end

local words = {"harbour", "council", "river", "market", "station", "bridge", "library"}

local function write(method, path, body)
  return wrk.format(method, path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end

function request()
  local r = math.random(100)
  seq = seq + 1
  if r <= 65 then
    return wrk.format("GET", "/api/v1/articles/bench-" .. math.random(articles))
  elseif r <= 80 then
    return wrk.format("GET", "/api/v1/feed?limit=" .. math.random(10, 30))
  elseif r <= 85 then
    return wrk.format("GET", "/api/v1/search?q=" .. words[math.random(#words)])
  elseif r <= 95 then
    return write("POST", "/api/v1/manage/articles", string.format(
      '{"title":"Soak draft %d-%d","category":"local","body":"Written during the soak."}', id, seq))
  else
    local n = math.random(200)
    return write("PUT", "/api/v1/manage/external-articles/soak-" .. n, string.format(
      '{"title":"Soak wire %d","category":"world","body":"Version %d of this wire story."}', n, seq))
  end
end

function response(status)
  if status >= 200 and status < 400 then ok = ok + 1
  elseif status >= 500 then server = server + 1
  elseif status >= 400 then
    client = client + 1
    _G["s" .. status] = (_G["s" .. status] or 0) + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = {ok = 0, client = 0, server = 0, other = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  io.write(string.format("answers 2xx/3xx=%d 4xx=%d 5xx=%d other=%d socket_errors=%d\n",
    t.ok, t.client, t.server, t.other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for code = 400, 499 do
    local n = 0
    for _, thread in ipairs(threads) do n = n + (thread:get("s" .. code) or 0) end
    if n > 0 then io.write(string.format("  %d x %d\n", n, code)) end
  end
  io.write(string.format("latency p50=%.1fms p99=%.1fms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
