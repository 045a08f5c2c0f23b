import { describe, expect, it } from "vitest";
import { malformedAuthRequest } from "./auth-route-guard";

const post = (body: string, type = "application/json") =>
  new Request("http://localhost:3000/api/auth/signout", { method: "POST", headers: { "content-type": type }, body });

describe("malformedAuthRequest", () => {
  it("answers 400 to a POST whose JSON body next-auth could not parse", async () => {
    for (const body of ["{bad", "", "null", "[1]", '"x"', "1"]) {
      const res = await malformedAuthRequest(post(body), ["signout"]);
      expect(res?.status, body).toBe(400);
    }
  });

  it("answers 405 to a GET of the credentials callback", async () => {
    const res = await malformedAuthRequest(new Request("http://localhost:3000/api/auth/callback/credentials"), [
      "callback",
      "credentials",
    ]);
    expect(res?.status).toBe(405);
    expect(res?.headers.get("allow")).toBe("POST");
  });

  it("hands on well-formed requests, leaving their body readable", async () => {
    const req = post('{"csrfToken":"x"}');
    expect(await malformedAuthRequest(req, ["signout"])).toBeNull();
    expect(await req.json()).toEqual({ csrfToken: "x" });
    expect(
      await malformedAuthRequest(post("csrfToken=x", "application/x-www-form-urlencoded"), ["signout"]),
    ).toBeNull();
    expect(await malformedAuthRequest(new Request("http://localhost:3000/api/auth/session"), ["session"])).toBeNull();
  });
});
