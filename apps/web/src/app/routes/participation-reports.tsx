import { loadReportsPage } from "../../features/participation";

/** Participation reports as a lazy route: the page and its charts are fetched when it is first opened. */
export async function participationReportsRoute() {
  const { ReportsPage } = await loadReportsPage();
  return { Component: ReportsPage };
}
