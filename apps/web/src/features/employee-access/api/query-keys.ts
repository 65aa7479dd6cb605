/** Employee-access query keys: the manager's join link and the public company behind a link. */
export const employeeAccessKeys = {
  all: ["employee-access"] as const,
  joinLink: () => [...employeeAccessKeys.all, "join-link"] as const,
  joinInfo: (token: string) => [...employeeAccessKeys.all, "join-info", token] as const,
};
