// Requests next-auth 4 would answer with a 500: a POST whose JSON body does not parse (its
// route handler calls req.json() unguarded) and a GET to the credentials callback (which
// only takes POST). They are the client's mistake, so they get a 4xx here first.

/** A 400/405 for a request next-auth cannot handle, or null to hand it on. */
export async function malformedAuthRequest(
  req: Request,
  action: readonly string[] | undefined,
): Promise<Response | null> {
  if (req.method === "GET" && action?.[0] === "callback" && action[1] === "credentials")
    return Response.json({ error: "Sign in with a POST request." }, { status: 405, headers: { Allow: "POST" } });
  if (req.method === "POST" && (req.headers.get("content-type") ?? "").includes("application/json")) {
    const body: unknown = await req
      .clone()
      .json()
      .catch(() => undefined);
    if (!body || typeof body !== "object" || Array.isArray(body))
      return Response.json({ error: "The request body must be a JSON object." }, { status: 400 });
  }
  return null;
}
