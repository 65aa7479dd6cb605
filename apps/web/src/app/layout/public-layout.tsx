import { Outlet, useNavigate } from "react-router";
import { NavigateProvider } from "../../lib/navigation";
import { PublicFrame } from "./public-frame";

/** The public pages' layout route: their frame, with the router's navigation for its AppLinks. */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
  const navigate = useNavigate();
  return (
    <NavigateProvider value={navigate}>
      <PublicFrame wide={wide}>
        <Outlet />
      </PublicFrame>
    </NavigateProvider>
  );
}
