import { Alert } from "../ui/alert";

/** The form-level error (not about one field), announced when it appears. */
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return <Alert tone="danger">{message}</Alert>;
}
