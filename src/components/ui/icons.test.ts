import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { drawing, ICONS } from "../../../scripts/generate-icons.mjs";
import * as generated from "./icon-paths";

// icon-paths.ts is generated from lucide-react's icon modules. After an upgrade of lucide-react,
// or a name added to the script, this says to run `npm run icons` again.
describe("icon-paths.ts", () => {
  it("has exactly the icons the generator lists, each as lucide-react draws it", async () => {
    const names = ICONS as Record<string, string>;
    expect(Object.keys(generated).sort()).toEqual(Object.keys(names).sort());
    for (const [key, name] of Object.entries(names)) {
      const icon = generated[key as keyof typeof generated];
      expect(icon.name, key).toBe(name);
      expect(icon.node, `${key}: run npm run icons`).toEqual(await drawing(name));
    }
  });
});
