import { useNavigate, useParams, useSearchParams } from "react-router";
import { NotFound } from "../../components/ui/not-found";
import { InvitationView } from "../../features/organizations";

export function InviteRoute() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  if (!id) return <NotFound />;
  // The mail's link carries a signed token: the proof that the invited address is the reader's.
  return <InvitationView id={id} token={search.get("token") ?? undefined} onAccepted={() => navigate("/", { replace: true })} />;
}
