// Worker thread: runs one autocannon load and posts back its result plus every response time,
// so the server under test keeps the main thread's event loop to itself. Inside a worker thread
// autocannon returns its raw, unaggregated result (totalCompletedRequests, no requests.total).
import { parentPort, workerData } from "node:worker_threads";
import autocannon from "autocannon";

const latencies = [];
const { paths, ...options } = workerData;
// With `paths`, every connection cycles through the listed requests (e.g. several search queries).
if (paths) options.requests = paths.map((path) => ({ method: options.method, path, headers: options.headers, body: options.body }));
const instance = autocannon(options, (err, result) => {
  if (err) {
    parentPort.postMessage({ error: err.message });
    return;
  }
  parentPort.postMessage({
    result: {
      duration: result.duration,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      total: result.totalCompletedRequests ?? latencies.length,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    },
    latencies: Float64Array.from(latencies),
  });
});
instance.on("response", (_client, _status, _bytes, responseTime) => {
  latencies.push(responseTime);
});
