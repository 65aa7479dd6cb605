import { TodoList, WHOLE_LIST_NOTE } from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listTodos } from "./todos.service.js";

const tags = ["todos"];
const MANAGER = { roles: ["bgm_manager"] as const, kind: "company" as const };

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/todos",
    {
      schema: {
        tags,
        summary:
          "What needs the BGM manager now: quotes to answer, results to review, grants about to expire, tasks due, station approvals, attendance lists to complete",
        description: `One item per engagement, health day or session, soonest due first. ${WHOLE_LIST_NOTE}`,
        response: { 200: TodoList },
      },
    },
    async (req) =>
      req.inTenant(MANAGER, (scope) => listTodos(scope, { now: new Date(), autoAcceptDays: app.config.results.autoAcceptDays })),
  );
};
