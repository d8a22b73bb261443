-- wrk script: editors creating articles, each a new title and a ~1,000-word Markdown body, as
-- POST /api/v1/manage/articles with the token in TOKEN (default bench-admin) into category world.
-- Counts non-2xx answers, which wrk does not report itself.
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function init(args)
  bad = 0
  n = 0
  local syllables = {"ka", "lo", "mi", "ren", "tu", "sa", "vel", "or", "din", "pe", "mar", "sto"}
  math.randomseed(id)
  run = os.getenv("RUN") or tostring(os.time())
  local words = {}
  for i = 1, 1000 do
    words[i] = syllables[math.random(#syllables)] .. syllables[math.random(#syllables)]
    if i % 12 == 0 then words[i] = words[i] .. "." end
    if i % 80 == 0 then words[i] = words[i] .. "\\n\\n" end
  end
  body = table.concat(words, " ")
  headers = {["Content-Type"] = "application/json",
             ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "bench-admin")}
end
function request()
  n = n + 1
  return wrk.format("POST", "/api/v1/manage/articles", headers, string.format(
    '{"title":"Create bench %s %d %d","category":"world","body":"%s"}', run, id, n, body))
end
function response(status) if status < 200 or status > 299 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("non2xx %d\n", total))
end
