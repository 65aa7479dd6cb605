import {
  AttendanceReport,
  AttendanceReportQuery,
  DisclosureSettings,
  MAX_MIN_GROUP_SIZE,
  MIN_GROUP_SIZE,
  PeopleReport,
  PeopleReportQuery,
  RaiseMinGroupSize,
} from "@bgm/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import * as service from "./aggregates.service.js";

const tags = ["participation"];
const MANAGER = { roles: ["bgm_manager"], kind: "company" } as const;

/** The company's participation reports and its minimum group size (manager only). */
export const participationAggregateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/participation/reports/people",
    {
      schema: {
        tags,
        summary: "People who took part in the period, grouped by intervention, category, field of action, approach, department or location",
        description: [
          "Distinct employees who attended at least one session in the period (calendar days in Europe/Berlin, both inclusive), with the interventions behind each figure.",
          "Departments and locations also give the active employees who took part in none and the participation rate; `lowestParticipation` names the lowest published rate.",
          `Every count is about none or at least the company's minimum group size (at least ${MIN_GROUP_SIZE}); withheld counts are \`{ value: null, suppressed: true }\`.`,
          "Small departments are counted in a combined group (ADR 0007's rule); overlapping groups (a person in two categories) are withheld where a difference would single out a few people (ADR 0013).",
        ].join(" "),
        querystring: PeopleReportQuery,
        response: { 200: PeopleReport },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.peopleReport(s, req.query)),
  );

  app.get(
    "/api/participation/reports/attendance",
    {
      schema: {
        tags,
        summary: "Attendance per month or quarter: attended and registered places and the attendance rate",
        description: [
          "Places (one per person and session) of the scheduled sessions in each calendar month or quarter (Europe/Berlin) that the period touches; months are always counted whole,",
          "so a month reads the same in every report and on the KPI card. A figure about 1 … min−1 people is `null` with `suppressed: true`; within a quarter small months are counted together.",
        ].join(" "),
        querystring: AttendanceReportQuery,
        response: { 200: AttendanceReport },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.attendanceReport(s, req.query)),
  );

  app.get(
    "/api/participation/disclosure",
    {
      schema: {
        tags,
        summary: "The company's minimum group size for participation figures",
        response: { 200: DisclosureSettings },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.disclosureSettings(s)),
  );

  app.put(
    "/api/participation/disclosure",
    {
      schema: {
        tags,
        summary: `Raise the minimum group size (${MIN_GROUP_SIZE}–${MAX_MIN_GROUP_SIZE}); it can never be lowered (409), and the change is audited`,
        body: RaiseMinGroupSize,
        response: { 200: DisclosureSettings },
      },
    },
    async (req) => req.inTenant(MANAGER, (s) => service.raiseMinGroupSize(s, req.body.minGroupSize)),
  );
};
