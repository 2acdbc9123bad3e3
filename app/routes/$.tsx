import { json } from "@remix-run/node";

// Any path no other route claims: a real 404 status, rendered by the root error boundary.
export const loader = () => {
  throw json({ message: "Not found" }, { status: 404 });
};

export default function NotFound() {
  return null;
}
