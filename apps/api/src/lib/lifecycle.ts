/**
 * Where this process is in its life, shared by the readiness check, the request hooks and the shutdown.
 * `draining`: a shutdown has begun; /api/health/ready answers 503 so a load balancer stops sending
 * traffic, while requests that still arrive are served. `closing`: the listener is closed; a request
 * that still comes in on an open keep-alive connection gets 503 and `Connection: close`.
 */
export interface Lifecycle {
  draining: boolean;
  closing: boolean;
}

export const newLifecycle = (): Lifecycle => ({ draining: false, closing: false });

/** Seconds a client or load balancer should wait before asking this node again. */
export const RETRY_AFTER_S = 5;
