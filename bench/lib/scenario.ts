import type { FastifyInstance } from "fastify";
import type pg from "pg";
import type { Target } from "./load.js";
import type { BareServer, RealApp } from "./servers.js";

export interface BenchContext {
  /** The real app on the bench database (migrated, demo data seeded), listening on 127.0.0.1. */
  real: RealApp;
  /** Starts a bare Fastify baseline server on the bench database; the runner closes it after the scenario. */
  bare(register: (app: FastifyInstance, pool: pg.Pool) => void): Promise<BareServer>;
}

export interface PreparedScenario {
  /** The request against the real app. */
  real: Target;
  /** The same work on the bare baseline server. */
  baseline: Target;
}

/** One file per scenario in bench/scenarios, listed in bench/scenarios/index.ts. */
export interface Scenario {
  name: string;
  prepare(ctx: BenchContext): Promise<PreparedScenario>;
}
