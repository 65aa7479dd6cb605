import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { firstCursor, nextCursorOf } from "../../../lib/cursor-pages";
import { api, unwrap } from "../../../lib/typed-api";
import { participationKeys } from "./query-keys";
import type { CourseRegistrationResponse, MyParticipationItem, MyParticipationListResponse, OpenInterventionItem } from "./types";

const mySession = (sessionId: string) => ({ params: { path: { id: sessionId } } });

/** The interventions open to the signed-in employee, each session with their own place in it. */
export async function getOpenInterventions(): Promise<OpenInterventionItem[]> {
  const res = await unwrap(api.GET("/api/me/interventions"));
  return res.items;
}

export function getMyParticipations(cursor?: string): Promise<MyParticipationListResponse> {
  return unwrap(api.GET("/api/me/participations", { params: { query: { cursor } } }));
}

/** Registers the caller: a place when one is free, otherwise the waitlist (the answer says which). */
export function register(sessionId: string): Promise<MyParticipationItem> {
  return unwrap(api.POST("/api/me/participation-sessions/{id}/registration", mySession(sessionId)));
}

export function cancelRegistration(sessionId: string): Promise<MyParticipationItem> {
  return unwrap(api.DELETE("/api/me/participation-sessions/{id}/registration", mySession(sessionId)));
}

const myCourse = (interventionId: string) => ({ params: { path: { id: interventionId } } });

/** Every scheduled session of a course still ahead, in one transaction (a place while one is free, else the waitlist). */
export function registerForCourse(interventionId: string): Promise<CourseRegistrationResponse> {
  return unwrap(api.POST("/api/me/interventions/{id}/registration", myCourse(interventionId)));
}

/** Gives up my place or waitlist entry in every session ahead (sessions with attendance recorded stay). */
export function cancelCourse(interventionId: string): Promise<CourseRegistrationResponse> {
  return unwrap(api.DELETE("/api/me/interventions/{id}/registration", myCourse(interventionId)));
}

/** The calendar file of a session the caller holds a place in (served as an attachment). */
export function sessionIcsUrl(sessionId: string): string {
  return `/api/me/participation-sessions/${encodeURIComponent(sessionId)}/calendar.ics`;
}

export function useOpenInterventions() {
  return useQuery({ queryKey: participationKeys.open(), queryFn: getOpenInterventions });
}

export function useMyParticipations() {
  return useInfiniteQuery({
    queryKey: participationKeys.history(),
    queryFn: ({ pageParam }) => getMyParticipations(pageParam),
    initialPageParam: firstCursor,
    getNextPageParam: nextCursorOf,
  });
}

/**
 * Register or cancel in one click. Cancelling shows at once (the place is gone whatever else happens);
 * registering waits for the answer, because only the server knows whether a place or the waitlist is left.
 */
export function useRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, action }: { sessionId: string; action: "register" | "cancel" }) =>
      action === "register" ? register(sessionId) : cancelRegistration(sessionId),
    onMutate: async ({ sessionId, action }) => {
      if (action !== "cancel") return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: participationKeys.open() });
      const previous = queryClient.getQueryData<OpenInterventionItem[]>(participationKeys.open());
      queryClient.setQueryData<OpenInterventionItem[]>(participationKeys.open(), (items) =>
        items?.map((i) => ({
          ...i,
          sessions: i.sessions.map((s) =>
            s.id === sessionId && s.mine
              ? {
                  ...s,
                  freePlaces: s.mine.status === "waitlisted" ? s.freePlaces : s.freePlaces + 1,
                  mine: { ...s.mine, status: "cancelled" as const, waitlistPosition: null },
                }
              : s,
          ),
        })),
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(participationKeys.open(), context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: participationKeys.all }),
  });
}

/**
 * Book or give up a whole course. Nothing optimistic: the answer says per session what happened (a place,
 * the waitlist, skipped), and the card shows exactly that. Places, waitlists, history and every manager
 * view of these sessions change, so everything under `all` is refetched.
 */
export function useCourseRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ interventionId, action }: { interventionId: string; action: "register" | "cancel" }) =>
      action === "register" ? registerForCourse(interventionId) : cancelCourse(interventionId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: participationKeys.all }),
  });
}
