-- A mix of what a busy Polyfeed sees: feeds in every format, tag feeds, archives, revalidations
-- that end in 304, unknown feeds (404) and scanner paths (4xx). Counts responses per status class
-- in every thread and prints them, with latency percentiles, when the run is over.
local paths = {}
local etags = {}
local threads = {}

local function load_lines(file)
  local list = {}
  local f = io.open(file, "r")
  if f then
    for line in f:lines() do
      if line ~= "" then list[#list + 1] = line end
    end
    f:close()
  end
  return list
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = load_lines(os.getenv("POLYFEED_PATHS"))
  -- each line: path<TAB>etag
  for _, line in ipairs(load_lines(os.getenv("POLYFEED_ETAGS"))) do
    local path, etag = line:match("^(.-)\t(.*)$")
    if path then etags[#etags + 1] = {path, etag} end
  end
  counts = {ok = 0, notModified = 0, redirect = 0, clientError = 0, serverError = 0, busy = 0, other = 0}
  n = 0
end

local scanners = {"/../../etc/passwd", "/%2e%2e/pom.xml", "/tr/posts/%zz", "/wp-login.php", "/xx/rss.xml",
                  "/tr/tags/no-such-tag/atom.xml", "/tags/" .. string.rep("a", 600) .. "/rss.xml", "/.env"}

function request()
  n = n + 1
  local pick = n % 10
  if pick < 6 then
    local path = paths[(n % #paths) + 1]
    if pick < 2 then
      return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
    end
    return wrk.format("GET", path)
  elseif pick < 9 then
    local e = etags[(n % #etags) + 1]
    return wrk.format("GET", e[1], {["If-None-Match"] = e[2]})
  end
  return wrk.format("GET", scanners[(n % #scanners) + 1])
end

function response(status, headers, body)
  if status == 304 then counts.notModified = counts.notModified + 1
  elseif status >= 500 then
    counts.serverError = counts.serverError + 1
    if status == 503 then counts.busy = counts.busy + 1 end
  elseif status >= 400 then counts.clientError = counts.clientError + 1
  elseif status >= 300 then counts.redirect = counts.redirect + 1
  elseif status >= 200 then counts.ok = counts.ok + 1
  else counts.other = counts.other + 1 end
end

function done(summary, latency, requests)
  local total = {ok = 0, notModified = 0, redirect = 0, clientError = 0, serverError = 0, busy = 0, other = 0}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
  end
  local e = summary.errors
  io.write(string.format("requests %d in %.1f s: %.0f/s\n", summary.requests, summary.duration / 1e6,
      summary.requests / (summary.duration / 1e6)))
  io.write(string.format("status 2xx %d, 304 %d, 3xx %d, 4xx %d, 5xx %d, other %d, 503 among the 5xx %d\n", total.ok,
      total.notModified, total.redirect, total.clientError, total.serverError, total.other, total.busy))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n", e.connect, e.read,
      e.write, e.timeout))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
end
