-- wrk script: every request is a new, correctly signed delivery from the pre-generated pool.
-- Each wrk thread takes every n-th line of the pool, so no two requests repeat a delivery.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local pool = os.getenv("POOL")
  local total = tonumber(os.getenv("THREADS"))
  signatures, bodies = {}, {}
  local n = 0
  for line in io.lines(pool) do
    if n % total == id then
      local tab = line:find("\t", 1, true)
      table.insert(signatures, line:sub(1, tab - 1))
      table.insert(bodies, line:sub(tab + 1))
    end
    n = n + 1
  end
  index = 0
  -- wrk calls each thread's init in turn and starts that thread at once: the last one to load its
  -- share says so, and until then every thread waits, so that no request precedes wrk's own clock
  if id == total - 1 and os.getenv("START_FLAG") then
    io.open(os.getenv("START_FLAG"), "w"):close()
  end
end

-- RATE (requests per second over all connections) turns the burst into a steady offered load
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "64")

local started = os.getenv("START_FLAG") == nil

function delay()
  if not started then
    local flag = io.open(os.getenv("START_FLAG"), "r")
    if flag == nil then
      return 50
    end
    flag:close()
    started = true
  end
  if rate > 0 then
    return math.floor(1000 * connections / rate)
  end
  return 0
end

function request()
  index = index + 1
  if index > #bodies then
    index = 1 -- the pool ran out: from here on the figure measures duplicates
    wrapped = true
  end
  return wrk.format("POST", "/webhooks/titancard",
    {["Content-Type"] = "application/json", ["X-Webhook-Signature"] = signatures[index]}, bodies[index])
end

function done(summary, latency, requests)
  local wrapped_threads = 0
  for _, thread in ipairs(threads) do
    if thread:get("wrapped") then
      wrapped_threads = wrapped_threads + 1
    end
  end
  io.write(string.format("RESULT wrapped=%d\n", wrapped_threads))
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d errors=%d p50_us=%d p99_us=%d p999_us=%d\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
end
