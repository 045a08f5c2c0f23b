import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors/app-error";

// In-process limits: enough for one server; swap for RateLimiterRedis when scaled out.
const limiters = {
  login: new RateLimiterMemory({ keyPrefix: "login", points: 10, duration: 15 * 60 }),
  loginIp: new RateLimiterMemory({ keyPrefix: "login-ip", points: 100, duration: 15 * 60 }),
  passwordReset: new RateLimiterMemory({ keyPrefix: "reset", points: 5, duration: 60 * 60 }),
  signUp: new RateLimiterMemory({ keyPrefix: "signup", points: 20, duration: 60 * 60 }),
};

export type LimitName = keyof typeof limiters;

/** Consume one point; throws TOO_MANY_REQUESTS with a retry hint when exhausted. */
export async function consume(name: LimitName, key: string): Promise<void> {
  try {
    await limiters[name].consume(key.toLowerCase());
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const minutes = Math.max(1, Math.ceil(e.msBeforeNext / 60_000));
      throw new AppError("TOO_MANY_REQUESTS", `Too many attempts. Try again in ${minutes} minute${minutes > 1 ? "s" : ""}.`);
    }
    throw e;
  }
}

export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiters[name].delete(key.toLowerCase());
}
