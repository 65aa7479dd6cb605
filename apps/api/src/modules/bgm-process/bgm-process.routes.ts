import { goal } from "@bgm/db";
import {
  CreateGoal,
  DOCUMENT_FILE_TYPES,
  Goal,
  GoalList,
  IdParam,
  KpiDashboard,
  Project,
  SetCurrentPhase,
  Task,
  TaskKeyParam,
  UpdateGoal,
  UpdateTask,
  WHOLE_LIST_NOTE,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { registerAuditObjectSource, titleColumnSource } from "../audit/index.js";
import { storeFile, uploadFromRequest } from "../files/index.js";
import * as service from "./bgm-process.service.js";
import { getKpiDashboard } from "./kpi.service.js";
import { planningRoutes } from "./planning.routes.js";

const tags = ["bgm-process"];
const MANAGER = { roles: ["bgm_manager"] as const, kind: "company" as const };

export const bgmProcessRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditObjectSource("goal", titleColumnSource(goal, goal));
  await app.register(planningRoutes);
  app.get(
    "/api/project",
    { schema: { tags, summary: "The company's BGM project: phases, checklist, goals", response: { 200: Project } } },
    async (req) => req.inTenant(MANAGER, (s) => service.getProject(s)),
  );

  app.put(
    "/api/project/current-phase",
    { schema: { tags, summary: "Move the project to another phase", body: SetCurrentPhase, response: { 200: Project } } },
    async (req) => req.inTenant(MANAGER, (s) => service.setCurrentPhase(s, req.body.phase)),
  );

  app.get(
    "/api/project/tasks/:key",
    { schema: { tags, summary: "One checklist task", params: TaskKeyParam, response: { 200: Task } } },
    async (req) => req.inTenant(MANAGER, (s) => service.getTask(s, req.params.key)),
  );

  app.patch(
    "/api/project/tasks/:key",
    {
      schema: {
        tags,
        summary: "Update a checklist task (status, owner, due date, notes, details)",
        params: TaskKeyParam,
        body: UpdateTask,
        response: { 200: Task },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.updateTask(s, req.params.key, req.body)),
  );

  app.post(
    "/api/project/tasks/:key/document",
    {
      schema: {
        tags,
        summary: "Upload the document of a task (e.g. the signed works council agreement); raw file body, name in X-File-Name",
        consumes: [...DOCUMENT_FILE_TYPES],
        params: TaskKeyParam,
        headers: z.object({ "x-file-name": z.string().min(1).max(1000) }),
        body: z.instanceof(Buffer).describe("The file's bytes: PDF, PNG, JPEG or DOCX, at most 10 MB"),
        response: { 201: Task },
      },
    },
    async (req, reply) => {
      const upload = uploadFromRequest(req);
      const task = await req.inTenant(MANAGER, async (s) => {
        const current = await service.getTask(s, req.params.key);
        const file = await storeFile(s, { ...upload, attachedTo: "bgm_task", attachedId: current.id });
        return service.attachTaskDocument(s, req.params.key, file.id);
      });
      return reply.status(201).send(task);
    },
  );

  app.get(
    "/api/project/goals",
    {
      schema: {
        tags,
        summary: "Goals of phase 1",
        description: `A project has a handful of goals. ${WHOLE_LIST_NOTE}`,
        response: { 200: GoalList },
      },
    },
    async (req) => ({ items: await req.inTenant(MANAGER, (s) => service.listGoals(s)), nextCursor: null }),
  );

  app.post(
    "/api/project/goals",
    { config: { idempotent: true }, schema: { tags, summary: "Add a measurable goal", body: CreateGoal, response: { 201: Goal } } },
    async (req, reply) => reply.status(201).send(await req.inTenant(MANAGER, (s) => service.createGoal(s, req.body))),
  );

  app.patch(
    "/api/project/goals/:id",
    { schema: { tags, summary: "Edit a goal or change its status", params: IdParam, body: UpdateGoal, response: { 200: Goal } } },
    async (req) => req.inTenant(MANAGER, (s) => service.updateGoal(s, req.params.id, req.body)),
  );

  app.get(
    "/api/kpis",
    { schema: { tags, summary: "KPI dashboard: built-in and custom cards", response: { 200: KpiDashboard } } },
    async (req) => req.inTenant(MANAGER, (s) => getKpiDashboard(s)),
  );
};
