import { useNavigate, useSearchParams } from "react-router";
import { LinkSignIn } from "../../features/employee-access";

export function LinkSignInRoute() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  return <LinkSignIn token={search.get("token")} onSignedIn={() => navigate("/", { replace: true })} />;
}
